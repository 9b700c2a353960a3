package org.nnx.analysis;

import org.nnx.dsl.ast.LayerChoice;
import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;

/** Every statement is one the language defines for its kind of definition; a typo gets the nearest name. */
final class KnownStatements implements DefinitionCheck {
    @Override
    public void check(BoundDefinition bound, AnalysisContext context, Diagnostics diagnostics) {
        DefinitionView definition = bound.view();
        for (Statement statement : definition.statements()) {
            if (statement instanceof ModelBlock model) {
                if (Statements.find(definition.kind(), Statements.MODEL).isEmpty()) {
                    diagnostics.error(model.location(), "an objective has no 'model'; it minimizes a formula");
                }
                continue;
            }
            if (statement instanceof LayerChoice choice) {
                diagnostics.error(
                        choice.location(),
                        "'" + ExpressionText.layerChoice(choice) + "' chooses between"
                                + " whole lines, which only a model's layers can; a statement's values take a | b");
                continue;
            }
            Setting setting = (Setting) statement;
            String name = setting.name().name();
            if (Statements.find(definition.kind(), name).isEmpty()) {
                diagnostics.error(
                        setting.name().location(),
                        Suggestions.unknown(
                                        "statement",
                                        name,
                                        Statements.names(definition.kind()),
                                        " in " + definition.kind().keyword() + " '" + definition.name() + "'")
                                + (name.equals("weight_init_std")
                                        ? "; the book's weight_init_std is written on each layer: dense 50, init = "
                                                + "gaussian(0.01)"
                                        : ""));
            }
        }
    }
}
