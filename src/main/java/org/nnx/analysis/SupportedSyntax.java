package org.nnx.analysis;

import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.Import;
import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;

/**
 * The grammar accepts the whole language; this version implements part of it. Whatever it does not
 * implement yet is a located error, never silently ignored.
 */
final class SupportedSyntax {
    private SupportedSyntax() {
    }

    static void check(NnxFile file, Diagnostics diagnostics) {
        for (Import anImport : file.imports()) {
            diagnostics.error(anImport.location(), "'import' is not supported yet");
        }
        for (Definition definition : file.definitions()) {
            if (definition.kind() == Definition.Kind.OBJECTIVE) {
                diagnostics.error(definition.location(), "objectives are not supported yet");
                continue;
            }
            definition.parent().ifPresent(parent ->
                    diagnostics.error(parent.location(), "'extends' is not supported yet"));
            statements(definition.statements(), diagnostics);
        }
    }

    private static void statements(java.util.List<Statement> statements, Diagnostics diagnostics) {
        for (Statement statement : statements) {
            if (statement instanceof ModelBlock model) {
                statements(model.layers(), diagnostics);
            } else {
                for (Argument argument : ((Setting) statement).arguments()) {
                    expression(argument.value(), diagnostics);
                }
            }
        }
    }

    private static void expression(Expression expression, Diagnostics diagnostics) {
        if (expression instanceof Expression.Alternatives alternatives) {
            diagnostics.error(alternatives.location(), "sweeps ('a | b') are not supported yet");
        } else if (expression instanceof Expression.Call call) {
            if (call.function().name().equals("log_range") || call.function().name().equals("range")) {
                diagnostics.error(call.location(), "sweeps ('" + call.function().name() + "') are not supported yet");
            }
            call.arguments().forEach(argument -> expression(argument.value(), diagnostics));
        } else if (expression instanceof Expression.ListLiteral list) {
            list.elements().forEach(element -> expression(element, diagnostics));
        } else if (expression instanceof Expression.Negation negation) {
            expression(negation.operand(), diagnostics);
        } else if (expression instanceof Expression.Binary binary) {
            expression(binary.left(), diagnostics);
            expression(binary.right(), diagnostics);
        }
    }
}
