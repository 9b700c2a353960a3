package org.nnx.model.search;

import java.util.SplittableRandom;

/** Independent uniform points, from a seed: {@code search random}. */
public record RandomPoints(long seed) implements PointSequence {
    @Override
    public double[][] points(int count, int dimensions) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[count][dimensions];
        for (double[] point : points) {
            for (int d = 0; d < dimensions; d++) {
                point[d] = random.nextDouble();
            }
        }
        return points;
    }
}
