package org.nnx.spi;

/** The type of a component's parameter, as checked before anything runs. */
public enum ParameterType {
    /** Any real number; given to the component as a {@code Double}. */
    NUMBER,
    /** A whole number; given as a {@code Long}. */
    INTEGER,
    /** {@code true} or {@code false}; given as a {@code Boolean}. */
    BOOLEAN,
    /** A quoted string; given as a {@code String}. */
    STRING,
    /** One of {@link ParameterSpec#choices()}, written as a bare name; given as a {@code String}. */
    CHOICE,
    /** An initializer, {@code he} or {@code gaussian(0.01)}; given as a {@link ComponentCall}. */
    INITIALIZER,
    /**
     * A size in two dimensions: a whole number {@code 3} for both, or {@code [height, width]}; given as a
     * {@code List<Long>} of the two. The range applies to each.
     */
    SIZE,
    /**
     * A sample's shape as an image: {@code [channels, height, width]} or {@code [height, width]} (one channel) of
     * whole numbers ≥ 1, given as a {@code List<Long>} of three; or a string such as {@code "1×28×28"}, given as
     * the {@code String} for the component to read.
     */
    IMAGE_SHAPE
}
