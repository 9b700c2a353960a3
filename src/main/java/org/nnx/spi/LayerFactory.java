package org.nnx.spi;

/** Makes a layer from its checked arguments. */
public interface LayerFactory extends Component {

    /** The width of the layer's output for an input of {@code inputSize}; activations keep it. */
    default int outputSize(Arguments arguments, int inputSize) {
        return inputSize;
    }

    Layer create(Arguments arguments, LayerContext context);
}
