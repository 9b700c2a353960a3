package org.nnx.dsl.ast;

import java.util.List;
import org.nnx.dsl.SourceLocation;

/**
 * {@code sigmoid | step | relu}: a model line that is one of several layers, a sweep over the layer itself.
 * Each run of the experiment takes one option in its place.
 */
public record LayerChoice(SourceLocation location, List<Setting> options) implements Statement {
    public LayerChoice {
        options = List.copyOf(options);
    }
}
