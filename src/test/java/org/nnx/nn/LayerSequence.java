package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.nnx.check.GradientCheck;
import org.nnx.spi.Layer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/** Layers one after another, the smallest network there is, for checking a composition's gradients. */
final class LayerSequence implements Layer {
    /** The relative error a float64 gradient check must stay under. */
    static final double TOLERANCE = 1e-6;

    private final List<Layer> layers;

    LayerSequence(Layer... layers) {
        this.layers = List.of(layers);
    }

    /** Fails, with the check's errors, unless the result is within {@link #TOLERANCE}. */
    static void assertPasses(GradientCheck.Result result) {
        assertTrue(result.passes(TOLERANCE), "gradient check failed: " + result);
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        Tensor x = input;
        for (Layer layer : layers) {
            x = layer.forward(x, training);
        }
        return x;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Tensor gradient = outputGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            gradient = layers.get(i).backward(gradient);
        }
        return gradient;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> parameters = new ArrayList<>();
        for (Layer layer : layers) {
            parameters.addAll(layer.parameters());
        }
        return parameters;
    }
}
