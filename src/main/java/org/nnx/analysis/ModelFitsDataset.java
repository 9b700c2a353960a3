package org.nnx.analysis;

import java.util.List;
import org.nnx.dsl.SourceLocation;
import org.nnx.dsl.ast.Setting;
import org.nnx.dsl.ast.Statement;
import org.nnx.registry.ModelShapes;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetException;
import org.nnx.spi.Shape;

/**
 * The dataset loads, and the model's output is as wide as the dataset has classes. The input width comes
 * from the dataset, so this is where bad data is caught: before any training starts.
 */
final class ModelFitsDataset implements DefinitionCheck {
    @Override
    public void check(BoundDefinition experiment, AnalysisContext context, Diagnostics diagnostics) {
        var datasetCall = experiment.component("dataset");
        if (datasetCall.isEmpty()) {
            return;
        }
        Setting datasetStatement = experiment.view().setting("dataset").orElseThrow();
        Dataset dataset;
        try {
            dataset = experiment.dataset(context).orElseThrow();
        } catch (DatasetException e) {
            diagnostics.error(datasetStatement.arguments().get(0).location(), e.getMessage());
            return;
        } catch (RuntimeException e) {
            diagnostics.error(
                    datasetStatement.arguments().get(0).location(),
                    "dataset '" + datasetCall.get().name() + "' failed to load: " + e);
            return;
        }
        var layers = experiment.layers();
        if (layers.isEmpty()) {
            return;
        }
        List<Statement> written = experiment.view().model().orElseThrow().layers();
        ModelShapes shapes = ModelShapes.of(context.registry(), layers.get(), dataset.sampleShape());
        if (!shapes.fits()) {
            diagnostics.error(layerLocation(written, layers.get().size(), shapes.failed()), shapes.problem());
            return;
        }
        int width = shapes.output().map(Shape::size).orElse(dataset.features());
        if (width != dataset.classes()) {
            diagnostics.error(
                    written.get(written.size() - 1).location(),
                    "the last layer has " + width + " outputs but dataset '"
                            + datasetCall.get().name() + "' has " + dataset.classes() + " classes");
        }
    }

    /**
     * Where layer {@code index} is written. A model line is one layer; when lines and layers do not pair up
     * (a line that stands for several), the model's last line.
     */
    private static SourceLocation layerLocation(List<Statement> written, int layerCount, int index) {
        return written.get(written.size() == layerCount ? index : written.size() - 1)
                .location();
    }
}
