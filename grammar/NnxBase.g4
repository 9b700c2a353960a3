/*
 * The surface syntax of .nnx files (see ../shared/nnx-language.md in the project's contract and
 * docs/language.md). No actions: the parse tree is turned into immutable nodes by
 * org.nnx.dsl.AstBuilder, and every name other than the five keywords is looked up later in the
 * registry of built-ins and plugins, so a plugin adds a layer without touching this file.
 *
 * A statement ends at the end of its line. Line breaks inside ( ) and [ ] are dropped before the
 * parser sees them by org.nnx.dsl.LineJoiningTokenSource, so argument lists may span lines.
 */
grammar NnxBase;

file
    : NL* (topLevel (NL+ topLevel)*)? NL* EOF
    ;

topLevel
    : IMPORT path=STRING                                                        #importDeclaration
    | kind=(EXPERIMENT | OBJECTIVE) name=NAME (EXTENDS parent=NAME)? NL* block  #definition
    ;

block
    : '{' NL* (statement (NL+ statement)*)? NL* '}'
    ;

statement
    : MODEL NL* block                          #modelStatement
    | layerOption ('|' layerOption)+           #layerChoice
    | name=NAME '(' arguments? ')'             #callStatement
    | name=NAME arguments?                     #plainStatement
    ;

// One of a model line's alternative layers: sigmoid | step | relu, or leaky_relu(alpha = 0.1) | relu.
// Options with arguments take the call form, so that '|' between layers never reads as '|' between values.
layerOption
    : name=NAME '(' arguments? ')'             #callOption
    | name=NAME                                #plainOption
    ;

arguments
    : argument (',' argument)*
    ;

argument
    : (name=NAME '=')? value
    ;

// '|' binds loosest: a | b | c is a set of three alternatives (a sweep).
value
    : expression ('|' expression)*
    ;

// Earlier alternatives bind tighter: -x^2 is -(x^2); ^ is right-associative. A number and a unit are one
// value: 10 minutes, 1 epoch.
expression
    : <assoc=right> left=expression op='^' right=expression   #binary
    | '-' operand=expression                                  #negation
    | left=expression op=('*' | '/') right=expression         #binary
    | left=expression op=('+' | '-') right=expression         #binary
    | name=NAME '(' arguments? ')'                            #call
    | '[' (value (',' value)*)? ']'                           #list
    | '(' value ')'                                           #parenthesized
    | amount=NUMBER unit=NAME                                 #quantity
    | NUMBER                                                  #number
    | STRING                                                  #string
    | NAME                                                    #name
    ;

IMPORT     : 'import';
EXPERIMENT : 'experiment';
OBJECTIVE  : 'objective';
EXTENDS    : 'extends';
MODEL      : 'model';

LBRACE   : '{';
RBRACE   : '}';
LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
COMMA    : ',';
EQUALS   : '=';
BAR      : '|';
PLUS     : '+';
MINUS    : '-';
STAR     : '*';
SLASH    : '/';
CARET    : '^';

NUMBER
    : DIGITS ('.' DIGITS?)? EXPONENT?
    | '.' DIGITS EXPONENT?
    ;

STRING
    : '"' (ESCAPE | ~["\\\r\n])* '"'
    ;

// A qualified name, plugin.name (acme.gelu, nnx.relu), is one token: no space may stand around its dot.
NAME
    : IDENTIFIER ('.' IDENTIFIER)?
    ;

NL
    : '\r'? '\n'
    | '\r'
    ;

WS
    : [ \t\f]+ -> channel(HIDDEN)
    ;

LINE_COMMENT
    : '//' ~[\r\n]* -> channel(HIDDEN)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

// The tokens below never reach a valid parse; they exist so that the lexer itself never fails and
// org.nnx.dsl.NnxParser can say precisely what is wrong.
// Text that never contains */, so that this can only win when the comment is never closed.
UNTERMINATED_BLOCK_COMMENT
    : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF
    ;

UNTERMINATED_STRING
    : '"' (ESCAPE | ~["\\\r\n])*
    ;

BAD_ESCAPE_STRING
    : '"' (ESCAPE | '\\' ~["\\n] | ~["\\\r\n])* '"'
    ;

UNEXPECTED_CHARACTER
    : .
    ;

fragment IDENTIFIER : [A-Za-z_] [A-Za-z0-9_]*;
fragment DIGITS   : [0-9]+;
fragment EXPONENT : [eE] [+-]? DIGITS;
fragment ESCAPE   : '\\' ["\\n];
