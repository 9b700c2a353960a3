package org.nnx.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nnx.spi.DescendsInBackward;
import org.nnx.spi.Layer;
import org.nnx.spi.Parameter;
import org.nnx.spi.SkipsInputGradient;
import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/** Layers applied in order, input to output; backward runs them in reverse. */
public final class Network {
    private final List<Layer> layers;
    private final List<Parameter> parameters;
    private final Zero zero = new Zero();

    public Network(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : this.layers) {
            all.addAll(layer.parameters());
        }
        this.parameters = List.copyOf(all);
    }

    public Tensor forward(Tensor input, boolean training) {
        return forward(0, input, training);
    }

    /** Runs layers {@code first, first + 1, …} only, {@code input} being what layer {@code first} receives. */
    public Tensor forward(int first, Tensor input, boolean training) {
        Tensor x = input;
        for (int i = first; i < layers.size(); i++) {
            x = layers.get(i).forward(x, training);
        }
        return x;
    }

    /**
     * Backpropagates the loss gradient, adding into every parameter's gradient, and returns the gradient with
     * respect to the network's input (owned by the first layer), or null after {@link #skipInputGradient()}.
     */
    public Tensor backward(Tensor outputGradient) {
        Tensor gradient = outputGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            gradient = layers.get(i).backward(gradient);
        }
        return gradient;
    }

    /**
     * The first layer's input is data: training never reads its gradient, so a first layer that can
     * ({@link SkipsInputGradient}) is told to skip it, and {@link #backward} may then return null.
     */
    public void skipInputGradient() {
        if (!layers.isEmpty() && layers.get(0) instanceof SkipsInputGradient first) {
            first.skipInputGradient();
        }
    }

    /**
     * Makes every layer with parameters take a plain gradient-descent step with {@code learningRate} in its
     * backward, when every one of them can ({@link DescendsInBackward}); otherwise changes nothing and returns
     * false. All or none: a layer left out would never be stepped.
     */
    public boolean descendInBackward(double learningRate) {
        for (Layer layer : layers) {
            if (!layer.parameters().isEmpty()
                    && !(layer instanceof DescendsInBackward descending && descending.canDescendInBackward())) {
                return false;
            }
        }
        for (Layer layer : layers) {
            if (!layer.parameters().isEmpty() && layer instanceof DescendsInBackward descending) {
                descending.descendInBackward(learningRate);
            }
        }
        return true;
    }

    public void zeroGradients() {
        // Indexed, not for-each: an iterator a step is garbage the training loop should not make.
        for (int p = 0; p < parameters.size(); p++) {
            Tensor gradient = parameters.get(p).gradient();
            if (gradient.isFloat()) {
                zero.values = gradient.floats();
                zero.loop(zero.values.length);
            } else {
                gradient.fill(0);
            }
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Zeroes a float array, on one core or two: a wide layer's gradient is megabytes. */
    private static final class Zero extends SplitLoop {
        float[] values;

        Zero() {
            super(4 * CHEAP_ELEMENTS);
        }

        @Override
        protected void range(int from, int to) {
            Arrays.fill(values, from, to, 0f);
        }
    }
}
