package org.nnx.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.model.RunPlan;
import org.nnx.spi.DrawsRandomNumbers;
import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/** Takes a {@link Checkpoint} of a training run, and puts one back into a run set up afresh from the same seed. */
final class Checkpoints {
    private Checkpoints() {}

    static Checkpoint capture(
            RunPlan run,
            TrainingSetup setup,
            TrainingStep step,
            RunRecord record,
            ParameterDiagnostics diagnostics,
            long iteration,
            double firstLoss) {
        Map<String, Tensor> optimizer = new LinkedHashMap<>();
        setup.optimizer().state().forEach((name, tensor) -> optimizer.put(name, tensor.copy()));
        Map<Integer, Long> draws = new LinkedHashMap<>();
        List<Layer> layers = setup.network().layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof DrawsRandomNumbers random) {
                draws.put(i, random.randomDraws());
            }
        }
        EarlyStopping early = setup.earlyStopping();
        KeptBest best = setup.keptBest();
        return new Checkpoint(
                iteration,
                step.samples(),
                firstLoss,
                record.lastLoss(),
                TrainedModel.tensorsOf(setup.network()),
                optimizer,
                draws,
                early.best(),
                early.waited(),
                record.metrics(),
                run.settings(),
                diagnostics.names(),
                diagnostics.lastEvaluated(),
                best.value(),
                best.iteration(),
                best.tensors());
    }

    /**
     * Makes {@code setup}, fresh from the run's seed, what it was at {@code checkpoint}: the network's tensors,
     * the optimizer's state, the random layers' streams, early stopping's memory and the best evaluation kept.
     *
     * @throws IllegalArgumentException when the checkpoint does not fit the run's network or optimizer
     */
    static void restore(TrainingSetup setup, Checkpoint checkpoint) {
        TrainedModel.load(checkpoint.network(), setup.network());
        setup.optimizer().restoreState(checkpoint.optimizer());
        List<Layer> layers = setup.network().layers();
        for (Map.Entry<Integer, Long> entry : checkpoint.randomDraws().entrySet()) {
            int index = entry.getKey();
            if (index < 0 || index >= layers.size() || !(layers.get(index) instanceof DrawsRandomNumbers random)) {
                throw new IllegalArgumentException(
                        "the checkpoint counts random draws of layer " + index + ", which draws none");
            }
            random.skipRandomDraws(entry.getValue());
        }
        setup.earlyStopping().restore(checkpoint.earlyBest(), checkpoint.earlyWaited());
        setup.keptBest().restore(checkpoint.bestValue(), checkpoint.bestIteration(), checkpoint.best());
    }
}
