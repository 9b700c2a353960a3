package org.nnx.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nnx.nn.Dense;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.Dataset;
import org.nnx.spi.Layer;
import org.nnx.spi.Loss;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Split;
import org.nnx.tensor.Blas;
import org.nnx.tensor.CorePair;
import org.nnx.tensor.MatMul;
import org.nnx.tensor.Precision;
import org.nnx.tensor.SplitBlas;
import org.nnx.tensor.Tensor;
import org.nnx.train.BatchFill;
import org.nnx.train.Network;
import org.nnx.train.NetworkBuilder;

/**
 * Where a training step's time goes ({@code nnx bench --phases}): the steps of the trainer's loop taken
 * one part at a time with the same layers, loss and optimizer, each part timed on every step, and the
 * median of each part printed. A diagnostic: it mirrors {@link org.nnx.train.Trainer}'s step (batch
 * features, one-hot targets, zeroed gradients, forward, loss, backward, update) rather than calling it. As the
 * trainer does, the first layer skips its input gradient and plain SGD steps inside backward, so the gradients
 * are neither zeroed nor stepped separately (those parts then read about 0).
 *
 * <p>It also prices the product training skips: the first layer's input gradient {@code dy·W1ᵀ}, which
 * nothing reads.
 */
final class StepPhases {
    private StepPhases() {
    }

    static void print(ReferenceModel model, Dataset dataset, ComponentRegistry registry, int steps, long seed,
                      int cores, PrintStream out) {
        // With two cores, products, loops and batch fills are split over them as a lone run's are.
        try (CorePair pair = cores > 1 ? new CorePair() : null) {
            Blas.useOnThisThread(pair == null ? null : SplitBlas.over(Blas.current(), pair).orElse(null));
            CorePair.useOnThisThread(pair);
            print(model, dataset, registry, steps, seed, out);
        } finally {
            Blas.useOnThisThread(null);
            CorePair.useOnThisThread(null);
        }
    }

    private static void print(ReferenceModel model, Dataset dataset, ComponentRegistry registry, int steps,
                              long seed, PrintStream out) {
        SplittableRandom random = new SplittableRandom(seed);
        Network network = new NetworkBuilder(registry).build(model.layers(), dataset.features(), Precision.FLOAT32,
                random.split());
        Loss loss = registry.loss("cross_entropy").create(org.nnx.spi.Arguments.EMPTY);
        Optimizer optimizer = registry.optimizer("sgd").create(org.nnx.spi.Arguments.EMPTY);
        optimizer.initialize(network.parameters());
        // As the trainer does: no input gradient for the first layer, and plain SGD stepped inside backward.
        network.skipInputGradient();
        boolean descending = network.descendInBackward(model.learningRate());
        List<Layer> layers = network.layers();
        List<String> names = new ArrayList<>(List.of("batch features, when not prefetched",
                "one-hot targets; next batch drawn", "zero gradients"));
        for (int i = 0; i < layers.size(); i++) {
            names.add("forward  " + (i + 1) + " " + layers.get(i).getClass().getSimpleName());
        }
        names.add("loss forward + backward");
        for (int i = layers.size() - 1; i >= 0; i--) {
            names.add("backward " + (i + 1) + " " + layers.get(i).getClass().getSimpleName());
        }
        names.add("optimizer step");
        names.add("next batch's fill, finishing");

        Split train = dataset.train();
        BatchFill fill = new BatchFill(train);
        int batch = model.batchSize();
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        int position = 0;
        Tensor x = Tensor.zeros(batch, dataset.features());
        // As the trainer does on two cores: the next batch fills in the background while this one trains.
        Tensor nextX = Tensor.zeros(batch, dataset.features());
        boolean prefetched = false;
        Tensor targets = Tensor.zeros(batch, dataset.classes());
        long[][] nanos = new long[names.size()][steps];
        long[] total = new long[steps];
        int warmUp = steps / 2;
        long[] marks = new long[names.size() + 1];
        for (int step = -warmUp; step < steps; step++) {
            int part = 0;
            marks[part++] = System.nanoTime();
            if (prefetched) {
                Tensor filled = nextX;
                nextX = x;
                x = filled;
            } else {
                fill.fill(order, position, batch, x);
            }
            marks[part++] = System.nanoTime();
            targets.fill(0);
            for (int row = 0; row < batch; row++) {
                targets.set(row, train.label(order[position + row]), 1);
            }
            position += batch;
            if (position + batch > order.length) {
                shuffle(order, random);
                position = 0;
            }
            prefetched = fill.fillsInBackground();
            if (prefetched) {
                fill.startInBackground(order, position, batch, nextX);
            }
            marks[part++] = System.nanoTime();
            if (!descending) {
                network.zeroGradients();
            }
            marks[part++] = System.nanoTime();
            Tensor y = x;
            for (Layer layer : layers) {
                y = layer.forward(y, true);
                marks[part++] = System.nanoTime();
            }
            loss.forward(y, targets);
            Tensor gradient = loss.backward();
            marks[part++] = System.nanoTime();
            for (int i = layers.size() - 1; i >= 0; i--) {
                gradient = layers.get(i).backward(gradient);
                marks[part++] = System.nanoTime();
            }
            if (!descending) {
                optimizer.step(model.learningRate());
            }
            marks[part++] = System.nanoTime();
            fill.finishBackground();
            marks[part] = System.nanoTime();
            if (step >= 0) {
                for (int i = 0; i < names.size(); i++) {
                    nanos[i][step] = marks[i + 1] - marks[i];
                }
                total[step] = marks[names.size()] - marks[0];
            }
        }
        double step = median(total);
        out.printf(Locale.ROOT, "%s model on %s: %.0f µs a step (median of %d), %.1f k samples/s%n", model.label(),
                Blas.current().name(), step / 1e3, steps, batch / (step / 1e9) / 1e3);
        for (int i = 0; i < names.size(); i++) {
            double part = median(nanos[i]);
            out.printf(Locale.ROOT, "  %-34s %9.1f µs  %5.1f %%%n", names.get(i), part / 1e3, 100 * part / step);
        }
        if (layers.get(0) instanceof Dense first) {
            double unused = unusedInputGradient(first, batch, steps);
            out.printf(Locale.ROOT, "  %-34s %9.1f µs  %5.1f %%  (skipped: nothing reads it)%n",
                    "first layer's dy·W1ᵀ", unused / 1e3, 100 * unused / step);
        }
    }

    /** The median time of {@code dy·W1ᵀ} at the batch size, which the first dense layer's backward computes. */
    private static double unusedInputGradient(Dense first, int batch, int calls) {
        Tensor dy = Tensor.zeros(batch, first.outputSize());
        Tensor dx = Tensor.zeros(batch, first.inputSize());
        long[] nanos = new long[calls];
        for (int call = -calls / 4; call < calls; call++) {
            long started = System.nanoTime();
            MatMul.gemm(dy, false, first.weights().value(), true, dx, 0.0);
            if (call >= 0) {
                nanos[call] = System.nanoTime() - started;
            }
        }
        return median(nanos);
    }

    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
