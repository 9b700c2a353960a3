package org.nnx.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnx.registry.ModelShapes;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Dataset;

/**
 * A run's model sized against its data before anything is allocated: each layer's input and output widths and
 * its parameters, and the memory the run will take. The memory check refuses what cannot fit; the plan carries
 * the estimate, so that runs side by side are only as many as fit together.
 *
 * @param layers the model's layers, input to output
 */
record RunSizing(Dataset dataset, List<MemoryEstimate.Layer> layers, int batchSize, MemoryEstimate estimate) {

    /** Empty when the dataset, the layers or the batch size did not bind, or the data does not load. */
    static Optional<RunSizing> of(BoundDefinition experiment, AnalysisContext context) {
        var datasetCall = experiment.component("dataset");
        var layers = experiment.layers();
        var batch = experiment.values("batch_size");
        if (datasetCall.isEmpty() || layers.isEmpty() || batch.isEmpty()) {
            return Optional.empty();
        }
        Optional<Dataset> loaded = experiment.loadedDataset(context);
        if (loaded.isEmpty()) {
            return Optional.empty();
        }
        Dataset dataset = loaded.get();
        ModelShapes shapes = ModelShapes.of(context.registry(), layers.get(), dataset.sampleShape());
        if (!shapes.fits()) {
            return Optional.empty();
        }
        List<MemoryEstimate.Layer> sized = new ArrayList<>();
        for (ModelShapes.LayerShape layer : shapes.layers()) {
            sized.add(new MemoryEstimate.Layer(
                    layer.input().size(), layer.output().size(), layer.parameters()));
        }
        int batchSize = (int) batch.get().integer("size");
        String optimizer =
                experiment.component("optimizer").map(ComponentCall::name).orElse("sgd");
        MemoryEstimate estimate = MemoryEstimate.of(
                sized,
                batchSize,
                dataset.train().size(),
                dataset.test().size(),
                dataset.features(),
                dataset.classes(),
                context.registry().optimizer(optimizer).stateValuesPerParameter(),
                copies(experiment));
        return Optional.of(new RunSizing(dataset, List.copyOf(sized), batchSize, estimate));
    }

    /** Gradient checks build a float64 copy; numerical gradients a replica a thread. */
    private static int copies(BoundDefinition experiment) {
        return experiment
                .component("gradient")
                .map(call -> call.name().equals("numerical") || call.name().equals("check") ? 3 : 1)
                .orElse(1);
    }
}
