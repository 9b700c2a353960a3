package org.nnx.model;

/** How an objective's landscape draws the arrows of −∇f. */
public enum GradientArrows {
    /** Lengths follow |∇f|, the longest about one grid cell: arrows grow away from a minimum. */
    SCALED,
    /** All one length: direction only, for gradients that vary by orders of magnitude over the landscape. */
    UNIT;

    /** The language's word for this choice. */
    public String word() {
        return name().toLowerCase();
    }
}
