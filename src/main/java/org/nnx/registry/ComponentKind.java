package org.nnx.registry;

/** The kinds of named contribution, each with its own name space. */
public enum ComponentKind {
    LAYER("layer"),
    LOSS("loss"),
    OPTIMIZER("optimizer"),
    INITIALIZER("initializer"),
    DATASET("dataset");

    private final String label;

    ComponentKind(String label) {
        this.label = label;
    }

    /** As messages name it: {@code layer}. */
    public String label() {
        return label;
    }
}
