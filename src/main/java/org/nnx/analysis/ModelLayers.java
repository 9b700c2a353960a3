package org.nnx.analysis;

import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;
import org.nnx.registry.ComponentKind;

/** The model has layers, each a registered layer with arguments that fit its schema. */
final class ModelLayers implements DefinitionCheck {
    @Override
    public void check(DefinitionView definition, AnalysisContext context, Diagnostics diagnostics) {
        definition.model().ifPresent(model -> {
            if (model.layers().isEmpty()) {
                diagnostics.error(model.location(), "the model has no layers");
            }
            for (Statement statement : model.layers()) {
                if (statement instanceof ModelBlock nested) {
                    diagnostics.error(nested.location(), "a model cannot contain another 'model' block");
                } else {
                    layer((Setting) statement, context, diagnostics);
                }
            }
        });
    }

    private static void layer(Setting layer, AnalysisContext context, Diagnostics diagnostics) {
        String name = layer.name().name();
        var factory = context.registry().find(ComponentKind.LAYER, name);
        if (factory.isEmpty()) {
            diagnostics.error(layer.name().location(),
                    Suggestions.unknown("layer", name, context.registry().names(ComponentKind.LAYER)));
            return;
        }
        context.binder().bind("layer '" + name + "'", layer.name().location(), layer.arguments(),
                factory.get().parameters(), diagnostics);
    }
}
