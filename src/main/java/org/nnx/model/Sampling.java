package org.nnx.model;

/** How mini-batches are drawn from the training set. */
public enum Sampling {
    /** Each epoch a fresh permutation, cut into consecutive batches. */
    SHUFFLE,
    /** Each step a batch drawn at random with replacement, as in the book. */
    RANDOM
}
