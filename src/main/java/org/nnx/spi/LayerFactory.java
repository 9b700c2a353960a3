package org.nnx.spi;

/** Makes a layer from its checked arguments. */
public interface LayerFactory extends Component {

    /** The width of the layer's output for an input of {@code inputSize}; activations keep it. */
    default int outputSize(Arguments arguments, int inputSize) {
        return inputSize;
    }

    /**
     * How many trainable numbers the layer has for an input of {@code inputSize}: nnx estimates a run's memory
     * from it before anything trains, and refuses a model that cannot fit. A layer that does not say counts as
     * having none.
     */
    default long parameterCount(Arguments arguments, int inputSize) {
        return 0;
    }

    Layer create(Arguments arguments, LayerContext context);
}
