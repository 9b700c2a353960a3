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

    /**
     * The shape of one output sample for an input sample of shape {@code input}, before anything is built.
     * Spatial layers override it and throw a {@link ShapeException} for an input they cannot take. By default a
     * layer that keeps the width keeps the shape (activations work on images as they are), and a layer that
     * changes it outputs flat features of {@link #outputSize}.
     */
    default Shape outputShape(Arguments arguments, Shape input) {
        int output = outputSize(arguments, input.size());
        return output == input.size() ? input : Shape.flat(output);
    }

    /** How many trainable numbers the layer has for an input of shape {@code input}; by default by its width. */
    default long parameterCount(Arguments arguments, Shape input) {
        return parameterCount(arguments, input.size());
    }

    Layer create(Arguments arguments, LayerContext context);
}
