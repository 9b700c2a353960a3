package org.nnx.dsl.ast;

import java.util.List;
import java.util.Optional;
import org.nnx.dsl.SourceLocation;

/** A value as written: numbers, strings, names, calls, lists, arithmetic and sets of alternatives. */
public sealed interface Expression extends Node {

    /** {@code 42}, {@code 0.1}, {@code 1e-4}: the text as written and its value. */
    record NumberLiteral(SourceLocation location, String text, double value) implements Expression {}

    /** {@code 10 minutes}, {@code 1 epoch}: a number and its unit. */
    record Quantity(SourceLocation location, NumberLiteral amount, Identifier unit) implements Expression {}

    /** {@code "..."} with its escapes resolved. */
    record StringLiteral(SourceLocation location, String value) implements Expression {}

    /** A bare name: {@code he}, {@code true}, {@code x0}. */
    record Name(SourceLocation location, String name) implements Expression {}

    /** {@code gaussian(0.01)}, {@code momentum(momentum = 0.9)}, {@code log_range(1e-4, 1, 5)}. */
    record Call(SourceLocation location, Identifier function, List<Argument> arguments) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** {@code [a, b]}. */
    record ListLiteral(SourceLocation location, List<Expression> elements) implements Expression {
        public ListLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** {@code -x}. */
    record Negation(SourceLocation location, Expression operand) implements Expression {}

    /** {@code a + b}, {@code a - b}, {@code a * b}, {@code a / b}, {@code a ^ b}. */
    record Binary(SourceLocation location, char operator, Expression left, Expression right) implements Expression {}

    /** {@code a | b | c}: a sweep over the alternatives, in order. */
    record Alternatives(SourceLocation location, List<Expression> options) implements Expression {
        public Alternatives {
            options = List.copyOf(options);
        }
    }

    /** The name of a bare name or of a call, e.g. to look a component up; empty for other values. */
    static Optional<Identifier> componentName(Expression expression) {
        if (expression instanceof Name name) {
            return Optional.of(new Identifier(name.location(), name.name()));
        }
        if (expression instanceof Call call) {
            return Optional.of(call.function());
        }
        return Optional.empty();
    }
}
