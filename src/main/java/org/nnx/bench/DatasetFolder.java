package org.nnx.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnx.dsl.SourceLocation;
import org.nnx.dsl.ast.Argument;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.Expression;
import org.nnx.dsl.ast.Identifier;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.ComponentRegistry;

/**
 * Points a parsed file's datasets at the folder {@code nnx bench --data} names: each {@code dataset} statement
 * whose dataset takes a folder ({@value #DIR}, as {@code fashion_mnist} does) gets {@code dir = "FOLDER"} in
 * place of any it had. The file is then checked and trained on that data by the dataset's own factory, and
 * stays what it says in everything else.
 */
final class DatasetFolder {
    static final String DIR = "dir";
    private static final String DATASET = "dataset";

    private final ComponentRegistry registry;
    private final String folder;

    /** @param folder absolute once given here: a relative {@code dir} would be read from the file's folder */
    DatasetFolder(ComponentRegistry registry, Path folder) {
        this.registry = registry;
        this.folder = folder.toAbsolutePath().normalize().toString();
    }

    NnxFile applyTo(NnxFile file) {
        List<Definition> definitions =
                file.definitions().stream().map(this::applyTo).toList();
        return new NnxFile(file.source(), file.imports(), definitions);
    }

    private Definition applyTo(Definition definition) {
        List<Statement> statements = new ArrayList<>();
        for (Statement statement : definition.statements()) {
            boolean dataset = statement instanceof Setting setting
                    && setting.name().name().equals(DATASET);
            statements.add(dataset ? withFolder((Setting) statement) : statement);
        }
        return new Definition(
                definition.location(), definition.kind(), definition.name(), definition.parent(), statements);
    }

    private Setting withFolder(Setting dataset) {
        if (dataset.arguments().isEmpty()
                || !takesFolder(dataset.arguments().get(0).value())) {
            return dataset;
        }
        List<Argument> arguments = new ArrayList<>();
        for (Argument argument : dataset.arguments()) {
            if (argument.name().map(name -> !name.name().equals(DIR)).orElse(true)) {
                arguments.add(argument);
            }
        }
        // Where the dataset is named: what the factory says of the folder then points there.
        SourceLocation at = dataset.arguments().get(0).location();
        arguments.add(new Argument(at, Optional.of(new Identifier(at, DIR)), new Expression.StringLiteral(at, folder)));
        return new Setting(dataset.location(), dataset.name(), arguments, dataset.callForm());
    }

    private boolean takesFolder(Expression value) {
        return Expression.componentName(value)
                .flatMap(name -> registry.find(ComponentKind.DATASET, name.name()))
                .map(factory -> factory.parameters().stream()
                        .anyMatch(parameter -> parameter.name().equals(DIR)))
                .orElse(false);
    }
}
