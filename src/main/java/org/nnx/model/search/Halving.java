package org.nnx.model.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The rungs of {@code search halving(min = 1 epoch, factor = 3, metric = val_accuracy)}: every trial trains
 * {@code min} epochs, and at each rung (min, min·factor, min·factor², … epochs, below the experiment's
 * {@code epochs}) only the best 1/factor of the trials that reached it go on; the survivors of the last rung
 * train to the end.
 *
 * @param minEpochs  the first rung
 * @param factor     how much longer each rung is than the one before, and how few go on from it
 * @param metric     what ranks the trials at a rung: {@code val_accuracy}, {@code val_loss}, …
 * @param maxEpochs  the experiment's {@code epochs}: where the survivors stop
 */
public record Halving(long minEpochs, int factor, String metric, long maxEpochs) {
    public Halving {
        if (minEpochs < 1 || factor < 2 || maxEpochs < minEpochs) {
            throw new IllegalArgumentException("rungs need 1 <= min <= epochs and factor >= 2");
        }
    }

    /** The epochs at which trials are ranked, in order: min·factor^k below {@code maxEpochs}. */
    public List<Long> rungs() {
        List<Long> rungs = new ArrayList<>();
        for (long epochs = minEpochs; epochs < maxEpochs; epochs *= factor) {
            rungs.add(epochs);
        }
        return rungs;
    }

    /** Whether a larger value of the metric is better: accuracies are, losses are not. */
    public boolean higherIsBetter() {
        return metric.endsWith("accuracy");
    }
}
