package org.nnx.model.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Independent uniform points, from a seed: {@code search random}. */
public record RandomPoints(long seed) implements PointSequence {
    @Override
    public double[][] points(int count, int dimensions) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] points = new double[count][dimensions];
        for (double[] point : points) {
            fill(point, random);
        }
        return points;
    }

    /**
     * The points of a search whose every setting is a choice, {@code choices[d]} the options of setting d: a
     * point that would choose the same options as one before it is skipped for the next of the stream, until
     * every combination has been drawn once; then they may all be drawn again. The same configuration trained
     * with the same seed gives the same result, so a repeat would spend a trial on nothing new. Each point
     * kept is the one {@link #points} would give in its place when it repeats nothing.
     */
    public double[][] distinctChoices(int count, int[] choices) {
        long combinations = 1;
        for (int options : choices) {
            combinations = combinations > Long.MAX_VALUE / options ? Long.MAX_VALUE : combinations * options;
        }
        SplittableRandom random = new SplittableRandom(seed);
        Set<List<Integer>> drawn = new HashSet<>();
        double[][] points = new double[count][];
        for (int i = 0; i < count; i++) {
            double[] point = new double[choices.length];
            do {
                fill(point, random);
            } while (!drawn.add(options(point, choices)));
            if (drawn.size() == combinations) {
                drawn.clear();
            }
            points[i] = point;
        }
        return points;
    }

    private static void fill(double[] point, SplittableRandom random) {
        for (int d = 0; d < point.length; d++) {
            point[d] = random.nextDouble();
        }
    }

    /** The option each coordinate of {@code point} chooses. */
    private static List<Integer> options(double[] point, int[] choices) {
        List<Integer> options = new ArrayList<>(point.length);
        for (int d = 0; d < point.length; d++) {
            options.add((int) new Distribution.Choice(choices[d]).at(point[d]));
        }
        return options;
    }
}
