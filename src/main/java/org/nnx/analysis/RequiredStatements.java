package org.nnx.analysis;

import java.util.HashSet;
import java.util.Set;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.Statement;

/** The statements without a default are present, and an experiment's length is given exactly once. */
final class RequiredStatements implements DefinitionCheck {
    @Override
    public void check(BoundDefinition bound, AnalysisContext context, Diagnostics diagnostics) {
        DefinitionView definition = bound.view();
        var where = definition.definition().name().location();
        Set<String> typosOf = typoTargets(definition);
        String what = definition.kind().keyword() + " '" + definition.name() + "'";
        for (StatementSpec spec : Statements.all(definition.kind())) {
            if (spec.required()
                    && definition.statements().stream()
                            .noneMatch(s -> DefinitionView.nameOf(s).equals(spec.name()))
                    && !typosOf.contains(spec.name())) {
                diagnostics.error(where, what + " has no '" + spec.name() + "' statement (" + spec.doc() + ")");
            }
        }
        if (definition.kind() != Definition.Kind.EXPERIMENT) {
            return;
        }
        if (typosOf.contains(Statements.EPOCHS) || typosOf.contains(Statements.ITERATIONS)) {
            return;
        }
        var epochs = definition.setting(Statements.EPOCHS);
        var iterations = definition.setting(Statements.ITERATIONS);
        if (epochs.isEmpty() && iterations.isEmpty()) {
            diagnostics.error(where, what + " has neither 'epochs' nor 'iterations'; give one");
        } else if (epochs.isPresent() && iterations.isPresent()) {
            Statement later = epochs.get().location().compareTo(iterations.get().location()) > 0
                    ? epochs.get()
                    : iterations.get();
            diagnostics.error(later.location(), "'epochs' and 'iterations' cannot both be set; keep one");
        }
    }

    /** The statements that an unknown statement is a typo of: its did-you-mean already tells the user. */
    private static Set<String> typoTargets(DefinitionView definition) {
        Set<String> known = Statements.names(definition.kind());
        Set<String> targets = new HashSet<>();
        for (var setting : definition.settings()) {
            String written = setting.name().name();
            if (!known.contains(written)) {
                Suggestions.nearest(written, known).ifPresent(targets::add);
            }
        }
        return targets;
    }
}
