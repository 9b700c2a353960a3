package com.acme.nnx;

import java.util.List;
import java.util.SplittableRandom;
import org.nnx.spi.Arguments;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Range;

/**
 * {@code dataset xor, samples = 1000, test_samples = 250, noise = 0}: points drawn uniformly from
 * [−1, 1]², the class telling whether x·y is negative — no straight line separates the classes, so a
 * model needs a hidden layer. Generated from the run's seed: the same seed gives the same points.
 */
public final class XorDatasetFactory implements DatasetFactory {

    @Override
    public String name() {
        return "xor";
    }

    @Override
    public String description() {
        return "XOR: points in [−1, 1]², class 1 where x·y < 0; generated from the seed";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.integer("samples", 1000, "training points").in(Range.atLeast(4)),
                ParameterSpec.integer("test_samples", 250, "test points").in(Range.atLeast(1)),
                ParameterSpec.number("noise", 0.0, "standard deviation of noise added to each coordinate after labelling")
                        .in(Range.atLeast(0)));
    }

    @Override
    public Dataset load(Arguments arguments, DatasetContext context) throws DatasetException {
        int samples = (int) arguments.integer("samples");
        int testSamples = (int) arguments.integer("test_samples");
        double noise = arguments.number("noise");
        SplittableRandom random = new SplittableRandom(context.seed());
        PointSplit train = PointSplit.xor(samples, noise, random);
        PointSplit test = PointSplit.xor(testSamples, noise, random);
        String description = "XOR, " + samples + " train / " + testSamples + " test points, noise " + noise
                + ", seed " + context.seed() + " (acme-example)";
        return new Dataset() {
            @Override
            public PointSplit train() {
                return train;
            }

            @Override
            public PointSplit test() {
                return test;
            }

            @Override
            public int features() {
                return 2;
            }

            @Override
            public List<String> classNames() {
                return List.of("same sign", "opposite sign");
            }

            @Override
            public String description() {
                return description;
            }
        };
    }
}
