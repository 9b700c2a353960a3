package org.nnx.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;

/** An experiment definition as the checks see it: its statements by name. */
record Experiment(Definition definition, Path baseDirectory) {

    String name() {
        return definition.name().name();
    }

    List<Statement> statements() {
        return definition.statements();
    }

    /** The plain statements (everything but the model block). */
    List<Setting> settings() {
        return statements().stream().filter(Setting.class::isInstance).map(Setting.class::cast).toList();
    }

    /** The first statement of that name, the one that counts when a name is repeated. */
    Optional<Setting> setting(String name) {
        return settings().stream().filter(s -> s.name().name().equals(name)).findFirst();
    }

    Optional<ModelBlock> model() {
        return statements().stream().filter(ModelBlock.class::isInstance).map(ModelBlock.class::cast).findFirst();
    }

    static String nameOf(Statement statement) {
        return statement instanceof Setting setting ? setting.name().name() : Statements.MODEL;
    }
}
