package org.nnx.bench;

import java.util.ArrayList;
import java.util.List;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.model.TrainingLength;
import org.nnx.registry.DatasetLoader;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;

/**
 * A reference model as its file says, checked and planned by nnx's analyzer ({@link ModelLoader}). The runs a
 * benchmark trains are the file's run with only what a benchmark must choose set over it: the length
 * ({@code --epochs}), the seed of each run, and evaluation at the end alone.
 *
 * @param reference the model's name and file
 * @param plan      the file's experiment, of one run
 */
record BenchModel(ReferenceModel reference, ExperimentPlan plan) {
    /**
     * Evaluation only at the last iteration, where a run always evaluates: no multiple of this comes first. So
     * evaluation adds no wall time between epochs (it never counts in samples/s).
     */
    private static final long AT_THE_END = Long.MAX_VALUE;

    String label() {
        return reference.label();
    }

    /** The file's run as analyzed, before the benchmark sets anything. */
    RunConfig config() {
        return plan.runs().get(0).config();
    }

    /** {@code epochs} when given, else the file's own length. */
    TrainingLength length(Integer epochs) {
        return epochs != null ? TrainingLength.epochs(epochs) : config().length();
    }

    /** The run the benchmark trains with {@code seed}. */
    RunConfig run(Integer epochs, long seed) {
        return config().toBuilder()
                .length(length(epochs))
                .seed(seed)
                .evaluateEvery(AT_THE_END)
                .build();
    }

    /** {@code count} runs to train side by side, seeds {@code seed}, {@code seed + 1}, ... */
    ExperimentPlan runs(Integer epochs, long seed, int count) {
        List<RunPlan> runs = new ArrayList<>();
        for (int run = 0; run < count; run++) {
            runs.add(new RunPlan(plan.name(), SweptValues.NONE, run(epochs, seed + run)));
        }
        return new ExperimentPlan(plan.name(), plan.description(), plan.source(), runs, plan.effectiveConfig());
    }

    /** The data {@code config} trains on, loaded as a run of the file loads it. */
    Dataset dataset(DatasetLoader datasets, RunConfig config) throws DatasetException {
        return datasets.load(
                config.dataset().name(),
                config.dataset().arguments(),
                new DatasetContext(plan.source().toAbsolutePath().getParent(), config.seed()));
    }
}
