package org.nnx.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.search.Halving;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/**
 * What a search's report reads off each trial: the epochs it trained, the rung it reached and its ranking
 * metric there, and its final value (the last one it had, for a pruned trial).
 */
final class SearchTrials {
    private static final double EPOCH_TOLERANCE = 1e-9;

    private SearchTrials() {}

    /** The metric that ranks an experiment's trials: halving's, else the final test accuracy. */
    static String metric(ExperimentPlan plan) {
        return plan.search().halving().map(Halving::metric).orElse("test_accuracy");
    }

    /** The epochs {@code run} trained: its last row's. */
    static double epochs(RunResult run) {
        return run.metrics().isEmpty()
                ? 0
                : run.metrics().get(run.metrics().size() - 1).epoch();
    }

    /**
     * The rung a halving trial reached, from 1: rung k is the k-th ruling, and the last rung, one past the
     * rulings, is training to the end. 0 for a trial that never started.
     */
    static int rung(Halving halving, RunResult run) {
        if (run.status() == RunStatus.SKIPPED || run.metrics().isEmpty()) {
            return 0;
        }
        double epochs = epochs(run);
        List<Long> lengths = lengths(halving);
        int reached = 1;
        for (int k = 0; k < lengths.size(); k++) {
            if (lengths.get(k) <= epochs + EPOCH_TOLERANCE) {
                reached = k + 1;
            }
        }
        return reached;
    }

    /** The rungs in epochs and, last, the full length. */
    static List<Long> lengths(Halving halving) {
        List<Long> lengths = new ArrayList<>(halving.rungs());
        lengths.add(halving.maxEpochs());
        return lengths;
    }

    /** The metric of {@code run} at each evaluation that ended a rung, in order, with the epochs of each. */
    static List<double[]> atRungs(Halving halving, RunResult run) {
        List<double[]> points = new ArrayList<>();
        for (long length : lengths(halving)) {
            for (MetricsRow row : run.metrics()) {
                if (row.evaluated() && Math.abs(row.epoch() - length) < EPOCH_TOLERANCE) {
                    points.add(new double[] {length, value(row, halving.metric())});
                }
            }
        }
        return points;
    }

    /** The trial's last evaluated value of {@code metric}, or empty when it was never evaluated. */
    static Optional<Double> last(RunResult run, String metric) {
        for (int i = run.metrics().size() - 1; i >= 0; i--) {
            MetricsRow row = run.metrics().get(i);
            if (row.evaluated()) {
                double value = value(row, metric);
                return Double.isNaN(value) ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    static double value(MetricsRow row, String metric) {
        return switch (metric) {
            case "val_accuracy" -> row.validationAccuracy();
            case "val_loss" -> row.validationLoss();
            case "train_accuracy" -> row.trainAccuracy();
            default -> row.testAccuracy();
        };
    }
}
