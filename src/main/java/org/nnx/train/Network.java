package org.nnx.train;

import java.util.ArrayList;
import java.util.List;
import org.nnx.spi.Layer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/** Layers applied in order, input to output; backward runs them in reverse. */
public final class Network {
    private final List<Layer> layers;
    private final List<Parameter> parameters;

    public Network(List<Layer> layers) {
        this.layers = List.copyOf(layers);
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : this.layers) {
            all.addAll(layer.parameters());
        }
        this.parameters = List.copyOf(all);
    }

    public Tensor forward(Tensor input, boolean training) {
        Tensor x = input;
        for (Layer layer : layers) {
            x = layer.forward(x, training);
        }
        return x;
    }

    /** Backpropagates the loss gradient, adding into every parameter's gradient. */
    public void backward(Tensor outputGradient) {
        Tensor gradient = outputGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            gradient = layers.get(i).backward(gradient);
        }
    }

    public void zeroGradients() {
        for (Parameter parameter : parameters) {
            parameter.gradient().fill(0);
        }
    }

    public List<Layer> layers() {
        return layers;
    }

    public List<Parameter> parameters() {
        return parameters;
    }
}
