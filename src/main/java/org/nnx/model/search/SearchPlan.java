package org.nnx.model.search;

import java.util.Optional;

/**
 * How an experiment searches its settings: every combination ({@code search grid}, the default), {@code trials}
 * points drawn at random or from a scrambled Sobol' sequence, or successive halving of {@code trials} random
 * points ({@code search halving}); and the budget that caps it.
 *
 * @param trials  the points drawn; 0 for a grid
 * @param halving the rungs of {@code search halving}; empty for the others
 */
public record SearchPlan(Kind kind, int trials, Optional<Halving> halving, Budget budget) {
    public static final SearchPlan GRID = new SearchPlan(Kind.GRID, 0, Optional.empty(), Budget.NONE);

    public enum Kind {
        GRID,
        RANDOM,
        SOBOL,
        HALVING;

        /** As written after {@code search}. */
        public String keyword() {
            return name().toLowerCase();
        }
    }

    public SearchPlan {
        if ((kind == Kind.HALVING) != halving.isPresent()) {
            throw new IllegalArgumentException("halving's rungs go with search halving only");
        }
    }

    public SearchPlan withBudget(Budget budget) {
        return new SearchPlan(kind, trials, halving, budget);
    }

    public boolean isGrid() {
        return kind == Kind.GRID;
    }
}
