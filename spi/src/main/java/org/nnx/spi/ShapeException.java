package org.nnx.spi;

/**
 * A layer cannot take the shape it is given: a filter larger than its input, a pool that does not fit, a
 * spatial layer on flat data. The message is one line that nnx shows at the layer's place in the file.
 */
public class ShapeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ShapeException(String message) {
        super(message);
    }
}
