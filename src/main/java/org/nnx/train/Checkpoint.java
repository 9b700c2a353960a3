package org.nnx.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.tensor.Tensor;

/**
 * Everything a run needs to go on from the end of an iteration as if it had never stopped: the network's
 * parameters and state, the optimizer's state, how far each random stream has gone, early stopping's memory,
 * and the metrics rows so far. The batch sampler's stream is not stored: it is made again from the seed and
 * advanced by {@code iteration} batches, which replays its draws exactly; layers that draw random numbers
 * ({@link org.nnx.spi.DrawsRandomNumbers}) skip as many draws as they had made.
 *
 * @param iteration   the iterations done
 * @param samples     the training samples seen, from which each row's epoch is computed
 * @param firstLoss   the first iteration's loss, which the divergence rule compares with
 * @param lastLoss    the last iteration's loss
 * @param network     the layers' tensors, named as in a saved model
 * @param optimizer   the optimizer's state ({@link org.nnx.spi.Optimizer#state()})
 * @param randomDraws each random-drawing layer's draws so far, by layer position
 * @param earlyBest   early stopping's best value so far (NaN before the first evaluation)
 * @param earlyWaited evaluations since it last improved
 * @param metrics     the rows recorded so far
 * @param definition  the run's own {@code .nnx} text: a checkpoint resumes only the run it was made for
 * @param tensors     the network's parameter tensors by their names in the metrics rows
 * @param lastEvaluated each parameter tensor as it was at the last evaluation, which the next evaluation's
 *                    weight change is measured from, in the order of {@code tensors}
 * @param bestValue   with {@code keep best}: the best value of its metric so far (NaN before one)
 * @param bestIteration the iteration of that evaluation (0 before one)
 * @param best        the network's tensors at that evaluation (empty before one, or without {@code keep best})
 */
public record Checkpoint(
        long iteration,
        long samples,
        double firstLoss,
        double lastLoss,
        List<NamedTensor> network,
        Map<String, Tensor> optimizer,
        Map<Integer, Long> randomDraws,
        double earlyBest,
        int earlyWaited,
        List<MetricsRow> metrics,
        String definition,
        List<String> tensors,
        List<Tensor> lastEvaluated,
        double bestValue,
        long bestIteration,
        List<NamedTensor> best) {
    public Checkpoint {
        network = List.copyOf(network);
        optimizer = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(optimizer));
        randomDraws = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(randomDraws));
        metrics = List.copyOf(metrics);
        definition = definition == null ? "" : definition;
        tensors = List.copyOf(tensors);
        lastEvaluated = List.copyOf(lastEvaluated);
        best = List.copyOf(best);
    }

    /** The seconds the run had trained when the checkpoint was taken: its last row's, or 0 without one. */
    public double elapsedSeconds() {
        if (metrics.isEmpty()) {
            return 0;
        }
        double seconds = metrics.get(metrics.size() - 1).seconds();
        return Double.isNaN(seconds) ? 0 : seconds;
    }
}
