package org.nnx.train;

import java.util.ArrayList;
import java.util.List;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.registry.DatasetLoader;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;

/** Trains every run of an experiment in order; a run that fails or diverges does not stop the others. */
public final class ExperimentRunner {
    /** Sample images of each class the report shows, for image data. */
    static final int SAMPLES_PER_CLASS = 10;

    private final Trainer trainer;
    private final DatasetLoader datasets;
    private final StopSignal stop;

    public ExperimentRunner(Trainer trainer, DatasetLoader datasets, StopSignal stop) {
        this.trainer = trainer;
        this.datasets = datasets;
        this.stop = stop;
    }

    public ExperimentResult run(ExperimentPlan plan, TrainingListener listener) {
        List<RunResult> results = new ArrayList<>();
        List<RunPlan> runs = plan.runs();
        DatasetSummary data = null;
        for (int i = 0; i < runs.size(); i++) {
            RunPlan run = runs.get(i);
            if (stop.requested()) {
                RunResult skipped = notRun(run, RunStatus.STOPPED, "stopped by the user before it started");
                listener.runFinished(skipped);
                results.add(skipped);
                continue;
            }
            RunConfig config = run.config();
            Dataset dataset;
            try {
                var baseDirectory = plan.source().toAbsolutePath().getParent();
                dataset = datasets.load(config.dataset().name(), config.dataset().arguments(),
                        new DatasetContext(baseDirectory, config.seed()));
            } catch (DatasetException | RuntimeException e) {
                RunResult failed = notRun(run, RunStatus.FAILED, e.getMessage());
                listener.runFinished(failed);
                results.add(failed);
                continue;
            }
            if (data == null) {
                data = DatasetSummary.of(dataset, HoldOut.heldOut(dataset.train().size(), config.validation()),
                        SAMPLES_PER_CLASS);
            }
            results.add(trainer.train(run, dataset, listener, i, runs.size()));
        }
        return new ExperimentResult(plan, results, java.util.Optional.ofNullable(data));
    }

    private static RunResult notRun(RunPlan run, RunStatus status, String reason) {
        return new RunResult(run, status, reason, List.of(), Double.NaN, Double.NaN, Double.NaN, 0, 0,
                java.util.Map.of(), java.util.Map.of());
    }
}
