package org.nnx.analysis;

import org.nnx.dsl.ast.ModelBlock;
import org.nnx.dsl.ast.Statement;

/** The model has layers and no nested model; each layer's name and arguments are checked as it is bound. */
final class ModelLayers implements DefinitionCheck {
    @Override
    public void check(BoundDefinition definition, AnalysisContext context, Diagnostics diagnostics) {
        definition.view().model().ifPresent(model -> {
            if (model.layers().isEmpty()) {
                diagnostics.error(model.location(), "the model has no layers");
            }
            for (Statement statement : model.layers()) {
                if (statement instanceof ModelBlock nested) {
                    diagnostics.error(nested.location(), "a model cannot contain another 'model' block");
                }
            }
        });
    }
}
