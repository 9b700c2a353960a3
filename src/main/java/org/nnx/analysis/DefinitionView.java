package org.nnx.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.LayerChoice;
import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;

/**
 * A definition as the checks see it: one run's statements after {@code extends} and sweep expansion,
 * looked up by name.
 *
 * @param baseDirectory the folder of the file the definition was written in, for relative paths
 */
record DefinitionView(Definition definition, Path baseDirectory) {

    String name() {
        return definition.name().name();
    }

    Definition.Kind kind() {
        return definition.kind();
    }

    List<Statement> statements() {
        return definition.statements();
    }

    /** The plain statements (everything but the model block). */
    List<Setting> settings() {
        return statements().stream()
                .filter(Setting.class::isInstance)
                .map(Setting.class::cast)
                .toList();
    }

    /** The first statement of that name, the one that counts when a name is repeated. */
    Optional<Setting> setting(String name) {
        return settings().stream().filter(s -> s.name().name().equals(name)).findFirst();
    }

    Optional<ModelBlock> model() {
        return statements().stream()
                .filter(ModelBlock.class::isInstance)
                .map(ModelBlock.class::cast)
                .findFirst();
    }

    static String nameOf(Statement statement) {
        if (statement instanceof LayerChoice choice) {
            return ExpressionText.layerChoice(choice);
        }
        return statement instanceof Setting setting ? setting.name().name() : Statements.MODEL;
    }
}
