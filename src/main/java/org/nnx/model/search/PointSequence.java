package org.nnx.model.search;

/** Where a search's trials lie in the unit cube [0, 1)^d, one coordinate a searched setting. */
public interface PointSequence {

    /** The first {@code count} points, each of {@code dimensions} coordinates in [0, 1). */
    double[][] points(int count, int dimensions);
}
