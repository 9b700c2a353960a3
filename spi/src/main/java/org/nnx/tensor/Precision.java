package org.nnx.tensor;

/** The number type of a tensor: float32 for training, float64 for gradient checks. */
public enum Precision {
    FLOAT32,
    FLOAT64
}
