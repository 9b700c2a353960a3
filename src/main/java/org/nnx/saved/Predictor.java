package org.nnx.saved;

import java.util.List;
import java.util.SplittableRandom;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Loss;
import org.nnx.spi.Split;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;
import org.nnx.train.Network;
import org.nnx.train.NetworkBuilder;
import org.nnx.train.OneHot;

/**
 * A saved model made into a network again, which classifies samples: the layers are built from the file's
 * components (plugin layers need their plugins loaded) and take the file's values, and run in evaluation mode
 * (dropout off, batch normalization with its running statistics) in chunks of {@link #CHUNK} samples, as
 * training's evaluations do, so that its classes are the ones the run's accuracy counted.
 */
public final class Predictor {
    /** Samples a forward pass takes at once: the chunk training's evaluations use. */
    public static final int CHUNK = 1000;

    private final SavedModel saved;
    private final Network network;
    private final Loss loss;
    private final boolean softmax;

    private Predictor(SavedModel saved, Network network, Loss loss, boolean softmax) {
        this.saved = saved;
        this.network = network;
        this.loss = loss;
        this.softmax = softmax;
    }

    /**
     * The network of {@code saved}, built with {@code registry}'s components.
     *
     * @throws IllegalArgumentException when a component is unknown or the file's tensors do not fit the layers
     */
    public static Predictor of(SavedModel saved, ComponentRegistry registry) {
        // The initial draws are overwritten by the saved values; any seed would do.
        Network network = new NetworkBuilder(registry)
                .build(saved.layers(), saved.model().sampleShape(), Precision.FLOAT32, new SplittableRandom(0));
        saved.model().loadInto(network);
        ComponentCall lossCall = saved.loss();
        Loss loss = registry.loss(lossCall.name()).create(lossCall.arguments());
        List<ComponentCall> layers = saved.layers();
        boolean endsInSoftmax =
                !layers.isEmpty() && layers.get(layers.size() - 1).name().equals("softmax");
        return new Predictor(saved, network, loss, lossCall.name().equals("cross_entropy") && !endsInSoftmax);
    }

    public SavedModel saved() {
        return saved;
    }

    public int features() {
        return saved.model().features();
    }

    public List<String> classNames() {
        return saved.model().classNames();
    }

    /**
     * The class probabilities of samples {@code 0 … size − 1} of {@code split}, one row each: softmax of the
     * outputs when the model was trained with {@code cross_entropy} (which applies it), the outputs as they
     * are otherwise.
     */
    public Tensor probabilities(Split split) {
        int classes = classNames().size();
        Tensor all = Tensor.zeros(Precision.FLOAT64, split.size(), classes);
        forEachChunk(split, (start, count, output) -> {
            for (int row = 0; row < count; row++) {
                double[] scores = new double[classes];
                for (int c = 0; c < classes; c++) {
                    scores[c] = output.get(row * classes + c);
                }
                double[] p = softmax ? softmax(scores) : scores;
                for (int c = 0; c < classes; c++) {
                    all.set((start + row) * classes + c, p[c]);
                }
            }
        });
        return all;
    }

    /** The network's outputs for samples {@code 0 … size − 1} of {@code split}, one row each, as it computes them. */
    public Tensor outputs(Split split) {
        int classes = classNames().size();
        Tensor all = Tensor.zeros(Precision.FLOAT32, split.size(), classes);
        forEachChunk(split, (start, count, output) -> {
            for (int i = 0; i < count * classes; i++) {
                all.set(start * classes + i, output.get(i));
            }
        });
        return all;
    }

    /** Accuracy, mean loss and confusion matrix over the whole of {@code split}, whose labels are the truth. */
    public Evaluation evaluate(Split split) {
        int classes = classNames().size();
        long[][] confusion = new long[classes][classes];
        double[] lossSum = new double[1];
        forEachChunk(split, (start, count, output) -> {
            Tensor targets = Tensor.zeros(Precision.FLOAT32, count, classes);
            for (int row = 0; row < count; row++) {
                targets.set(row * classes + split.label(start + row), 1.0);
            }
            for (int row = 0; row < count; row++) {
                confusion[split.label(start + row)][OneHot.predicted(output, row)]++;
            }
            lossSum[0] += loss.forward(output, targets) * count;
        });
        return new Evaluation(classNames(), confusion, lossSum[0] / split.size());
    }

    private interface ChunkOutput {
        void accept(int start, int count, Tensor output);
    }

    private void forEachChunk(Split split, ChunkOutput action) {
        if (split.size() == 0) {
            return;
        }
        int[] indices = new int[Math.min(CHUNK, split.size())];
        Tensor batch = null;
        for (int start = 0; start < split.size(); start += CHUNK) {
            int count = Math.min(CHUNK, split.size() - start);
            for (int i = 0; i < count; i++) {
                indices[i] = start + i;
            }
            batch = Tensor.reuseOrAllocate(batch, Precision.FLOAT32, count, features());
            split.features(indices, 0, count, batch);
            action.accept(start, count, network.forward(batch, false));
        }
    }

    private static double[] softmax(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
