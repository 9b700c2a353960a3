package org.nnx.builtins.data;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.nnx.spi.Arguments;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Range;

/**
 * {@code dataset spiral, classes = 3, points = 100, noise = 0.2}: the 2-D spirals of Stanford's CS231n
 * notes, which no linear classifier separates. Arm {@code k} has {@code points} points at radii evenly
 * spaced from 0 to 1 and angles evenly spaced from {@code 4k} to {@code 4(k + 1)} radians, each angle
 * plus Gaussian noise of standard deviation {@code noise}; a point is {@code (r·sin t, r·cos t)}.
 *
 * <p>The training set is one such draw, shuffled, so that {@code limit} keeps points of every arm. The
 * test set is a second, independent draw of the same size (not a held-out part), so the test accuracy
 * measures the shape learned rather than the points seen. Both come from the run's seed.
 */
public final class SpiralDatasetFactory implements DatasetFactory {
    /** The angle one arm spans, in radians, as in CS231n. */
    private static final double ARM_RADIANS = 4;

    @Override
    public String name() {
        return "spiral";
    }

    @Override
    public String description() {
        return "generated 2-D spirals (CS231n), one arm a class; the test set is a second draw";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.integer("classes", 3, "the number of arms, one class each")
                        .in(Range.closed(2, 100)),
                ParameterSpec.integer("points", 100, "points per arm, in the training set and again in the test set")
                        .in(Range.closed(1, 100_000)),
                ParameterSpec.number("noise", 0.2, "standard deviation of the angle's Gaussian noise, in radians")
                        .in(Range.atLeast(0)),
                DatasetParameters.limit());
    }

    @Override
    public TabularDataset load(Arguments arguments, DatasetContext context) {
        int classes = (int) arguments.integer("classes");
        int points = (int) arguments.integer("points");
        double noise = arguments.number("noise");
        SplittableRandom seed = new SplittableRandom(context.seed());
        SplittableRandom trainRandom = seed.split();
        SplittableRandom testRandom = seed.split();
        FloatSplit train = shuffled(draw(classes, points, noise, trainRandom), trainRandom)
                .limit(DatasetParameters.limit(arguments));
        FloatSplit test = draw(classes, points, noise, testRandom);
        List<String> names =
                IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return new TabularDataset(
                train,
                test,
                2,
                names,
                "spirals: " + classes + " arms of " + points + " points, noise " + noise + ", seed " + context.seed()
                        + " (test: a second draw)");
    }

    /** Arm after arm, point after point along each arm. */
    static FloatSplit draw(int classes, int points, double noise, SplittableRandom random) {
        float[] values = new float[classes * points * 2];
        int[] labels = new int[classes * points];
        for (int arm = 0; arm < classes; arm++) {
            for (int i = 0; i < points; i++) {
                // Radius and angle both grow evenly along the arm: r = along, t = 4·(arm + along) + noise.
                double along = points == 1 ? 0 : (double) i / (points - 1);
                double radius = along;
                double angle = ARM_RADIANS * (arm + along) + noise * random.nextGaussian();
                int sample = arm * points + i;
                values[2 * sample] = (float) (radius * Math.sin(angle));
                values[2 * sample + 1] = (float) (radius * Math.cos(angle));
                labels[sample] = arm;
            }
        }
        return new FloatSplit(values, labels, 2);
    }

    /** The samples in a random order (Fisher–Yates). */
    private static FloatSplit shuffled(FloatSplit split, SplittableRandom random) {
        int n = split.size();
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        float[] values = new float[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            values[2 * i] = split.value(order[i], 0);
            values[2 * i + 1] = split.value(order[i], 1);
            labels[i] = split.label(order[i]);
        }
        return new FloatSplit(values, labels, 2);
    }
}
