package org.nnx.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.Identifier;
import org.nnx.dsl.ast.Statement;

/**
 * {@code experiment b extends a}: b starts from a's statements and replaces each one that b names, in
 * place; statements only b has come after. {@code model} is one statement, so it is replaced whole, and
 * {@code epochs} and {@code iterations} are one setting, so either replaces the other.
 */
final class Inheritance {
    private final Map<String, Definition> definitions;
    private final Diagnostics diagnostics;

    Inheritance(Map<String, Definition> definitions, Diagnostics diagnostics) {
        this.definitions = definitions;
        this.diagnostics = diagnostics;
    }

    /** The definition with its ancestors' statements merged in; empty when its chain is broken. */
    Optional<Definition> effective(Definition definition) {
        return effective(definition, new LinkedHashSet<>());
    }

    private Optional<Definition> effective(Definition definition, Set<String> chain) {
        if (definition.parent().isEmpty()) {
            return Optional.of(definition);
        }
        Identifier parentName = definition.parent().get();
        chain.add(definition.name().name());
        if (chain.contains(parentName.name())) {
            // Read from the definition whose 'extends' is marked: b → c → b at b's 'extends c'.
            List<String> chained = new ArrayList<>(chain);
            List<String> cycle = new ArrayList<>(List.of(definition.name().name()));
            cycle.addAll(chained.subList(chained.indexOf(parentName.name()), chained.size() - 1));
            cycle.add(definition.name().name());
            diagnostics.error(parentName.location(), "extends cycle: " + String.join(" → ", cycle));
            return Optional.empty();
        }
        Definition parent = definitions.get(parentName.name());
        if (parent == null) {
            diagnostics.error(
                    parentName.location(),
                    Suggestions.unknown(
                            definition.kind().keyword(),
                            parentName.name(),
                            definitions.values().stream()
                                    .filter(d -> d.kind() == definition.kind())
                                    .map(d -> d.name().name())
                                    .toList(),
                            " to extend"));
            return Optional.empty();
        }
        if (parent.kind() != definition.kind()) {
            diagnostics.error(
                    parentName.location(),
                    definition.kind().keyword() + " '" + definition.name().name() + "' cannot extend "
                            + parent.kind().keyword() + " '" + parent.name().name() + "'");
            return Optional.empty();
        }
        return effective(parent, chain)
                .map(base -> new Definition(
                        definition.location(),
                        definition.kind(),
                        definition.name(),
                        Optional.empty(),
                        merge(base.statements(), definition.statements())));
    }

    private static List<Statement> merge(List<Statement> base, List<Statement> overrides) {
        List<Statement> merged = new ArrayList<>(base);
        for (Statement statement : overrides) {
            String slot = slot(statement);
            int at = -1;
            for (int i = 0; i < merged.size() && at < 0; i++) {
                if (slot(merged.get(i)).equals(slot)) {
                    at = i;
                }
            }
            if (at >= 0) {
                merged.set(at, statement);
            } else {
                merged.add(statement);
            }
        }
        return merged;
    }

    /** {@code epochs} and {@code iterations} are one setting, the training length: either replaces the other. */
    private static String slot(Statement statement) {
        String name = DefinitionView.nameOf(statement);
        return name.equals(Statements.EPOCHS) || name.equals(Statements.ITERATIONS) ? "length" : name;
    }
}
