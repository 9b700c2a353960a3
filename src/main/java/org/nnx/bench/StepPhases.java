package org.nnx.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import org.nnx.model.RunConfig;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.Dataset;
import org.nnx.tensor.Blas;
import org.nnx.tensor.CoreGroup;
import org.nnx.tensor.SplitBlas;
import org.nnx.train.StepTimes;
import org.nnx.train.TrainingSetup;
import org.nnx.train.TrainingStep;

/**
 * Where a training step's time goes ({@code nnx bench --phases}): nnx's own {@link TrainingStep}, set up for the
 * model's run as a run sets it up, taken step after step with each part of it recorded ({@link StepTimes}), and
 * the median of each part printed. When the layers step the weights in backward, the update reads about 0.
 */
final class StepPhases {
    private StepPhases() {}

    static void print(
            BenchModel model,
            Dataset dataset,
            ComponentRegistry registry,
            int steps,
            long seed,
            int cores,
            PrintStream out) {
        // With more than one core, products, loops and batch fills are split over them as a lone run's are.
        try (CoreGroup pair = cores > 1 ? new CoreGroup(cores) : null) {
            Blas.useOnThisThread(
                    pair == null ? null : SplitBlas.over(Blas.current(), pair).orElse(null));
            CoreGroup.useOnThisThread(pair);
            print(model, TrainingSetup.prepare(registry, model.run(null, seed), dataset), steps, out);
        } finally {
            Blas.useOnThisThread(null);
            CoreGroup.useOnThisThread(null);
        }
    }

    /** Takes half as many steps again first, for the JIT, then {@code steps} that count. */
    private static void print(BenchModel model, TrainingSetup setup, int steps, PrintStream out) {
        StepTimes.Part[] parts = StepTimes.Part.values();
        long[][] nanos = new long[parts.length][steps];
        long[] total = new long[steps];
        StepTimes times = new StepTimes();
        try (TrainingStep step = setup.newStep()) {
            step.recordPartsInto(times);
            for (int s = -steps / 2; s < steps; s++) {
                long before = step.nanos();
                step.take(true);
                if (s >= 0) {
                    total[s] = step.nanos() - before;
                    for (int p = 0; p < parts.length; p++) {
                        nanos[p][s] = times.nanos(parts[p]);
                    }
                }
            }
        }
        RunConfig config = setup.config();
        double step = median(total);
        out.printf(
                Locale.ROOT,
                "%s model on %s: %.0f µs a step (median of %d), %.1f k samples/s%n",
                model.label(),
                Blas.current().name(),
                step / 1e3,
                steps,
                config.batchSize() / (step / 1e9) / 1e3);
        for (int p = 0; p < parts.length; p++) {
            double part = median(nanos[p]);
            out.printf(
                    Locale.ROOT,
                    "  %-42s %9.1f µs  %5.1f %%%n",
                    name(parts[p], setup.descendInBackward()),
                    part / 1e3,
                    100 * part / step);
        }
    }

    private static String name(StepTimes.Part part, boolean descendInBackward) {
        return switch (part) {
            case BATCH -> "batch made current, next one's fill started";
            case FORWARD -> "forward";
            case LOSS -> "loss forward + backward";
            case BACKWARD -> descendInBackward ? "backward, weights stepped in it" : "backward";
            case UPDATE -> descendInBackward ? "update (taken in backward)" : "zero gradients, weight decay, optimizer";
            case NEXT_BATCH -> "next batch's fill, finishing";
        };
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
