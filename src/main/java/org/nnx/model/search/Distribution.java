package org.nnx.model.search;

/**
 * How a searched setting draws its value from a coordinate {@code u} in [0, 1) of a trial's point: the
 * inverse of its cumulative distribution, so that a uniform point (random) or a low-discrepancy one (Sobol)
 * becomes a draw from the distribution.
 */
public sealed interface Distribution {

    /** The value at {@code u} in [0, 1); for {@link Choice}, the index of the chosen option. */
    double at(double u);

    /** {@code uniform(low, high)}: every value in [low, high) equally likely. */
    record Uniform(double low, double high) implements Distribution {
        @Override
        public double at(double u) {
            return low + (high - low) * u;
        }
    }

    /** {@code log_uniform(low, high)}: the logarithm uniform, for rates and decays spanning decades. */
    record LogUniform(double low, double high) implements Distribution {
        public LogUniform {
            if (!(low > 0 && high > 0)) {
                throw new IllegalArgumentException("log_uniform needs positive bounds");
            }
        }

        @Override
        public double at(double u) {
            return Math.exp(Math.log(low) + (Math.log(high) - Math.log(low)) * u);
        }
    }

    /** {@code int_uniform(low, high)}: every whole number from low to high, both included, equally likely. */
    record IntUniform(long low, long high) implements Distribution {
        @Override
        public double at(double u) {
            long span = high - low + 1;
            return low + Math.min(span - 1, (long) Math.floor(u * span));
        }
    }

    /** {@code choice(x, y, ...)} or a set {@code x | y}: one of {@code count} options, each equally likely. */
    record Choice(int count) implements Distribution {
        public Choice {
            if (count < 1) {
                throw new IllegalArgumentException("a choice needs an option");
            }
        }

        @Override
        public double at(double u) {
            return Math.min(count - 1, (int) Math.floor(u * count));
        }
    }
}
