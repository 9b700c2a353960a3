package org.nnx.analysis;

import java.util.List;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.LayerChoice;
import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;
import org.nnx.spi.ParameterSpec;

/**
 * A definition as canonical {@code .nnx} text, sets of alternatives included, followed by the defaults of
 * the statements it leaves out: the effective configuration after {@code extends} and defaults.
 */
final class DefinitionPrinter {
    private DefinitionPrinter() {}

    static String print(Definition definition) {
        StringBuilder text = new StringBuilder(definition.kind().keyword())
                .append(' ')
                .append(definition.name().name())
                .append(" {\n");
        statements(definition.statements(), "    ", text);
        for (StatementSpec spec : Statements.all(definition.kind())) {
            boolean present = definition.statements().stream()
                    .anyMatch(s -> DefinitionView.nameOf(s).equals(spec.name()));
            if (!present
                    && spec.form() == StatementSpec.Form.VALUES
                    && spec.parameters().size() == 1) {
                ParameterSpec value = spec.parameters().get(0);
                if (value.defaultValue() != null) {
                    text.append("    ")
                            .append(spec.name())
                            .append(' ')
                            .append(org.nnx.spi.Arguments.formatValue(value.defaultValue()))
                            .append("  // default\n");
                }
            }
        }
        if (definition.kind() == Definition.Kind.EXPERIMENT) {
            if (definition.statements().stream()
                    .noneMatch(s -> DefinitionView.nameOf(s).equals("optimizer"))) {
                text.append("    optimizer sgd  // default\n");
            }
            if (definition.statements().stream()
                    .noneMatch(s -> DefinitionView.nameOf(s).equals("evaluate_every"))) {
                text.append("    // evaluate_every: once per epoch (default)\n");
            }
        }
        return text.append("}\n").toString();
    }

    private static void statements(List<Statement> statements, String indent, StringBuilder text) {
        for (Statement statement : statements) {
            if (statement instanceof ModelBlock model) {
                text.append(indent).append("model {\n");
                statements(model.layers(), indent + "    ", text);
                text.append(indent).append("}\n");
            } else if (statement instanceof LayerChoice choice) {
                text.append(indent).append(ExpressionText.layerChoice(choice)).append('\n');
            } else {
                text.append(indent)
                        .append(ExpressionText.layer((Setting) statement))
                        .append('\n');
            }
        }
    }
}
