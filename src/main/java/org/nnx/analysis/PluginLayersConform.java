package org.nnx.analysis;

import java.util.List;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;
import org.nnx.registry.CheckedLayerFactory;
import org.nnx.registry.ModelShapes;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.Shape;

/**
 * Each layer that must be checked where it is used ({@link CheckedLayerFactory}: the layers of plugin jars)
 * passes a gradient check with the model's arguments, input width and neighbours before anything trains: a
 * plugin whose backward disagrees with its forward is refused at the layer, with its largest relative error.
 * Runs after {@link ModelFitsDataset}, which reports a dataset that does not load.
 */
final class PluginLayersConform implements DefinitionCheck {
    @Override
    public void check(BoundDefinition experiment, AnalysisContext context, Diagnostics diagnostics) {
        var layers = experiment.layers();
        var datasetCall = experiment.component("dataset");
        if (layers.isEmpty()
                || datasetCall.isEmpty()
                || layers.get().stream()
                        .noneMatch(l -> context.registry().layer(l.name()) instanceof CheckedLayerFactory)) {
            return;
        }
        var loaded = experiment.loadedDataset(context);
        if (loaded.isEmpty()) {
            return;
        }
        List<Statement> model = experiment.view().model().orElseThrow().layers();
        List<ComponentCall> calls = layers.get();
        // Up to a layer that cannot take its input's shape, which ModelFitsDataset reports.
        List<ModelShapes.LayerShape> shapes = ModelShapes.of(
                        context.registry(), calls, loaded.get().sampleShape())
                .layers();
        for (int i = 0; i < shapes.size(); i++) {
            Shape input = shapes.get(i).input();
            ComponentCall layer = calls.get(i);
            LayerFactory factory = context.registry().layer(layer.name());
            if (factory instanceof CheckedLayerFactory checked) {
                Setting written = (Setting) model.get(i);
                String previous = i > 0 ? calls.get(i - 1).name() : null;
                String next = i + 1 < calls.size() ? calls.get(i + 1).name() : null;
                checked.conformance(
                                layer.arguments(),
                                input,
                                previous,
                                next,
                                call -> context.registry()
                                        .initializer(call.name())
                                        .create(call.arguments()))
                        .ifPresent(failure -> diagnostics.error(written.name().location(), failure));
            }
        }
    }
}
