package org.nnx.train;

import java.util.Optional;

/**
 * What the report shows of a run's model besides its numbers: the table of its layers, and for image models the
 * first filter layer before and after training.
 */
public record ModelDescription(LayerTable layers, Optional<LearnedFilters> filters) {}
