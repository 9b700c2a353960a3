package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;

/**
 * One run trained to its end, and all it handed to its listener: its rows, its checkpoints, its trained values
 * and, with {@code keep best}, the kept ones with their row.
 */
final class HeardRun implements TrainingListener {
    final List<MetricsRow> rows = new ArrayList<>();
    final List<Checkpoint> checkpoints = new ArrayList<>();
    TrainedModel last;
    TrainedModel kept;
    MetricsRow keptAt;
    RunResult result;

    /** Trains {@code config} on the first {@code limit} digits, from {@code resumeFrom} when not null; it must end ok. */
    static HeardRun train(RunConfig config, long limit, Checkpoint resumeFrom) {
        HeardRun heard = new HeardRun();
        heard.result = new Trainer(TestRuns.REGISTRY, new StopSignal())
                .train(
                        new RunPlan("test", SweptValues.NONE, config),
                        TestRuns.digits(limit),
                        heard,
                        0,
                        1,
                        null,
                        resumeFrom,
                        RunGate.NONE);
        assertEquals(RunStatus.OK, heard.result.status(), heard.result.reason());
        return heard;
    }

    /** Every value of the trained or kept tensors, in order, to compare bit for bit. */
    static List<List<Double>> values(TrainedModel model) {
        List<List<Double>> all = new ArrayList<>();
        for (NamedTensor tensor : model.tensors()) {
            List<Double> one = new ArrayList<>();
            for (int i = 0; i < tensor.values().size(); i++) {
                one.add(tensor.values().get(i));
            }
            all.add(one);
        }
        return all;
    }

    @Override
    public void recorded(RunPlan run, MetricsRow row) {
        rows.add(row);
    }

    @Override
    public boolean wantsCheckpoints() {
        return true;
    }

    @Override
    public void checkpointed(RunPlan run, Checkpoint checkpoint) {
        checkpoints.add(checkpoint);
    }

    @Override
    public void modelTrained(RunPlan run, TrainedModel model) {
        last = model;
    }

    @Override
    public void bestKept(RunPlan run, TrainedModel model, MetricsRow at) {
        kept = model;
        keptAt = at;
    }
}
