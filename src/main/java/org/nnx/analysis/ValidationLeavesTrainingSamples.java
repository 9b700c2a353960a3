package org.nnx.analysis;

import org.nnx.model.RunConfig;
import org.nnx.spi.Dataset;

/** {@code validation F} holds out part of the training set; at least one sample must be left to train on. */
final class ValidationLeavesTrainingSamples implements DefinitionCheck {
    @Override
    public void check(BoundDefinition experiment, AnalysisContext context, Diagnostics diagnostics) {
        var validation = experiment.view().setting("validation");
        var fraction = experiment.values("validation");
        var datasetCall = experiment.component("dataset");
        var loaded = experiment.loadedDataset(context);
        if (validation.isEmpty() || fraction.isEmpty() || loaded.isEmpty()) {
            return;
        }
        Dataset dataset = loaded.get();
        int samples = dataset.train().size();
        int heldOut = RunConfig.heldOut(samples, fraction.get().number("fraction"));
        if (samples - heldOut < 1) {
            diagnostics.error(
                    validation.get().name().location(),
                    "validation " + fraction.get().number("fraction")
                            + " holds out " + heldOut + " of the " + samples + " training "
                            + (samples == 1 ? "sample" : "samples") + " of dataset '"
                            + datasetCall.get().name()
                            + "', leaving none to train on");
        }
    }
}
