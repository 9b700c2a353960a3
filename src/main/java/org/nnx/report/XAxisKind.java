package org.nnx.report;

import org.nnx.train.MetricsRow;

/** What the x axis of a training curve counts: mini-batch iterations, or passes over the training set. */
public enum XAxisKind {
    /** Mini-batch steps: runs line up by how many updates they made. */
    ITERATION("iteration"),
    /** Epochs: runs with different batch sizes or training-set sizes line up by data seen. */
    EPOCH("epoch");

    private final String label;

    XAxisKind(String label) {
        this.label = label;
    }

    /** The axis label. */
    public String label() {
        return label;
    }

    /** The row's position on this axis. */
    public double of(MetricsRow row) {
        return this == ITERATION ? row.iteration() : row.epoch();
    }
}
