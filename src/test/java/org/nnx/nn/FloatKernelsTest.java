package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nnx.spi.Layer;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.CoreGroup;
import org.nnx.tensor.FloatMath;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * Each float32 training loop against the plain scalar reference, the layer's or optimizer's float64 code on the
 * same values: rounded once, the same bits where the operations are the same, else within the stated bound. Run
 * on one thread and on core groups of 2, 3 and 4 threads, which must give the same bits.
 */
class FloatKernelsTest {
    private static final int ROWS = 67;
    private static final int COLS = 301;

    private static Tensor randomFloats(long seed, int rows, int cols, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor t = Tensor.zeros(rows, cols);
        for (int i = 0; i < t.size(); i++) {
            t.set(i, (random.nextDouble() * 2 - 1) * scale);
        }
        return t;
    }

    /** Runs {@code body} on one thread and on groups of 2, 3 and 4 threads. */
    private static void onEveryGroupSize(Runnable body) {
        body.run();
        for (int size = 2; size <= 4; size++) {
            try (CoreGroup group = new CoreGroup(size)) {
                CoreGroup.useOnThisThread(group);
                body.run();
            } finally {
                CoreGroup.useOnThisThread(null);
            }
        }
    }

    private static void assertSameBits(Tensor expected, Tensor actual, String what) {
        assertEquals(expected.size(), actual.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            float e = (float) expected.get(i);
            float a = (float) actual.get(i);
            if (Float.floatToRawIntBits(e) != Float.floatToRawIntBits(a)) {
                assertEquals(e, a, what + " [" + i + "]");
                assertEquals(Float.floatToRawIntBits(e), Float.floatToRawIntBits(a), what + " sign of 0 [" + i + "]");
            }
        }
    }

    /** Forward and backward in float against the same layer's float64 code, rounded: bit for bit. */
    private static void assertMatchesFloat64(Supplier<Layer> make, double scale, boolean forwardExact) {
        Tensor x = randomFloats(1, ROWS, COLS, scale);
        Tensor dy = randomFloats(2, ROWS, COLS, 1);
        Layer reference = make.get();
        Tensor y64 = reference.forward(x.to(Precision.FLOAT64), true);
        onEveryGroupSize(() -> {
            Layer layer = make.get();
            Tensor y = layer.forward(x, true);
            if (forwardExact) {
                assertSameBits(y64, y, "forward");
            }
            // Backward from the float forward's own output, compared to the float64 code on the same values.
            Layer second = make.get();
            Tensor y64FromFloat = second.forward(x.to(Precision.FLOAT64), true);
            if (!forwardExact) {
                for (int i = 0; i < y.size(); i++) {
                    y64FromFloat.set(i, y.get(i));
                }
            }
            Tensor dx = layer.backward(dy);
            Tensor dx64 = second.backward(dy.to(Precision.FLOAT64));
            if (forwardExact) {
                assertSameBits(dx64, dx, "backward");
            }
        });
    }

    @Test
    void leakyReluStepAndReluMatchTheirFloat64CodeBitForBit() {
        assertMatchesFloat64(() -> new LeakyRelu(0.01), 3, true);
        assertMatchesFloat64(() -> new LeakyRelu(-0.3), 3, true);
        assertMatchesFloat64(Step::new, 3, true);
        assertMatchesFloat64(Relu::new, 3, true);
    }

    @Test
    void tanhForwardIsWithinItsBoundAndBackwardIsTheFloat64FormulaRoundedOnce() {
        Tensor x = randomFloats(3, ROWS, COLS, 6);
        Tensor dy = randomFloats(4, ROWS, COLS, 1);
        onEveryGroupSize(() -> {
            Tanh tanh = new Tanh();
            Tensor y = tanh.forward(x, true);
            for (int i = 0; i < x.size(); i++) {
                double exact = Math.tanh(x.get(i));
                assertTrue(Math.abs(y.get(i) - exact) <= FloatMath.TANH_ULP_BOUND * Math.ulp((float) exact));
            }
            Tensor dx = tanh.backward(dy);
            for (int i = 0; i < x.size(); i++) {
                double out = (float) y.get(i);
                assertEquals((float) (dy.get(i) * (1.0 - out * out)), (float) dx.get(i));
            }
        });
    }

    @Test
    void softmaxRowsSumToOneAndBackwardIsTheFloat64FormulaRoundedOnce() {
        Tensor x = randomFloats(5, ROWS, 10, 8);
        Tensor dy = randomFloats(6, ROWS, 10, 1);
        Softmax reference = new Softmax();
        Tensor y64 = reference.forward(x.to(Precision.FLOAT64), true);
        onEveryGroupSize(() -> {
            Softmax softmax = new Softmax();
            Tensor y = softmax.forward(x, true);
            for (int i = 0; i < y.size(); i++) {
                assertEquals(y64.get(i), y.get(i), 4e-7 * Math.max(y64.get(i), 1e-3), "probability " + i);
            }
            Tensor dx = softmax.backward(dy);
            for (int r = 0; r < ROWS; r++) {
                double weighted = 0;
                for (int j = 0; j < 10; j++) {
                    weighted += dy.get(r, j) * y.get(r, j);
                }
                for (int j = 0; j < 10; j++) {
                    assertEquals((float) (y.get(r, j) * (dy.get(r, j) - weighted)), (float) dx.get(r, j));
                }
            }
        });
    }

    private static final double U = 0x1p-24;

    /** Statistics of one column of the float64 reference: mean, variance, 1 / √(σ² + ε), mean |x| and Σ|dy|. */
    private record Column(double mean, double variance, double inverseStd, double meanMagnitude) {}

    /**
     * A float32 batch norm against the float64 code on the same values, training: the batch's statistics (with
     * momentum 0 the running statistics are the batch's), x̂ and y, then dβ, dγ and dx, each within a first-order
     * bound built from {@link BatchNorm#sumErrorBound} (each column sum is off by at most that much of the sum of
     * its terms' magnitudes) and one rounding, u = 2⁻²⁴, an operation; doubled for second-order terms. Returns the
     * float layer's output and input gradient, to compare bits across group sizes.
     */
    private static Tensor[] assertTrainingBatchNormWithinBounds(Tensor x, Tensor dy, Tensor gamma, Tensor beta) {
        int rows = x.rows();
        int cols = x.cols();
        double epsilon = 1e-5;
        double k = BatchNorm.sumErrorBound(rows);
        BatchNorm reference = new BatchNorm(cols, 0, epsilon, Precision.FLOAT64);
        BatchNorm layer = new BatchNorm(cols, 0, epsilon, Precision.FLOAT32);
        reference.gamma().value().copyFrom(gamma);
        reference.beta().value().copyFrom(beta);
        layer.gamma().value().copyFrom(gamma);
        layer.beta().value().copyFrom(beta);
        Tensor y64 = reference.forward(x.to(Precision.FLOAT64), true);
        Tensor y = layer.forward(x, true);
        Column[] columns = new Column[cols];
        double[] xHatBound = new double[x.size()];
        for (int j = 0; j < cols; j++) {
            double magnitude = 0;
            for (int r = 0; r < rows; r++) {
                magnitude += Math.abs(x.get(r, j));
            }
            double mean = reference.runningMean(j);
            double variance = reference.runningVariance(j);
            columns[j] = new Column(mean, variance, 1 / Math.sqrt(variance + epsilon), magnitude / rows);
            double meanBound = k * magnitude / rows + U * Math.abs(mean);
            double varianceBound = (k + 3 * U) * variance + 2 * meanBound * meanBound;
            assertEquals(mean, layer.runningMean(j), meanBound, "mean " + j);
            assertEquals(variance, layer.runningVariance(j), varianceBound, "variance " + j);
            double inverseStdError = varianceBound / (2 * (variance + epsilon)) + U;
            for (int r = 0; r < rows; r++) {
                int i = r * cols + j;
                double xHat = (x.get(i) - mean) * columns[j].inverseStd();
                xHatBound[i] = 2 * (columns[j].inverseStd() * meanBound + Math.abs(xHat) * (inverseStdError + 2 * U));
                double yBound = Math.abs(gamma.get(j)) * xHatBound[i]
                        + 2 * U * (Math.abs(gamma.get(j) * xHat) + Math.abs(y64.get(i)));
                assertEquals(y64.get(i), y.get(i), yBound, "y " + i);
            }
        }
        Tensor dx64 = reference.backward(dy.to(Precision.FLOAT64));
        Tensor dx = layer.backward(dy);
        for (int j = 0; j < cols; j++) {
            double dyMagnitude = 0;
            double dyXHatMagnitude = 0;
            double dyXHatError = 0;
            for (int r = 0; r < rows; r++) {
                int i = r * cols + j;
                double xHat = (x.get(i) - columns[j].mean()) * columns[j].inverseStd();
                dyMagnitude += Math.abs(dy.get(i));
                dyXHatMagnitude += Math.abs(dy.get(i) * xHat);
                dyXHatError += Math.abs(dy.get(i)) * xHatBound[i];
            }
            double betaBound = k * dyMagnitude;
            double gammaBound = dyXHatError + (k + U) * dyXHatMagnitude;
            assertEquals(
                    reference.beta().gradient().get(j), layer.beta().gradient().get(j), betaBound, "dβ " + j);
            assertEquals(
                    reference.gamma().gradient().get(j),
                    layer.gamma().gradient().get(j),
                    gammaBound,
                    "dγ " + j);
            double scale = gamma.get(j) * columns[j].inverseStd();
            double meanDy = reference.beta().gradient().get(j) / rows;
            double meanDyXHat = reference.gamma().gradient().get(j) / rows;
            double meanDyBound = betaBound / rows + U * Math.abs(meanDy);
            double meanDyXHatBound = gammaBound / rows + U * Math.abs(meanDyXHat);
            double varianceBound = (k + 3 * U) * columns[j].variance()
                    + 2 * Math.pow(k * columns[j].meanMagnitude() + U * Math.abs(columns[j].mean()), 2);
            double scaleError = Math.abs(scale) * (varianceBound / (2 * (columns[j].variance() + epsilon)) + 2 * U);
            for (int r = 0; r < rows; r++) {
                int i = r * cols + j;
                double xHat = (x.get(i) - columns[j].mean()) * columns[j].inverseStd();
                double terms = Math.abs(dy.get(i)) + Math.abs(meanDy) + Math.abs(xHat * meanDyXHat);
                double inner = dy.get(i) - meanDy - xHat * meanDyXHat;
                double innerBound = meanDyBound
                        + Math.abs(xHat) * meanDyXHatBound
                        + Math.abs(meanDyXHat) * xHatBound[i]
                        + 3 * U * terms;
                double dxBound =
                        2 * (Math.abs(scale) * innerBound + Math.abs(inner) * scaleError + U * Math.abs(dx64.get(i)));
                assertEquals(dx64.get(i), dx.get(i), dxBound, "dx " + i);
            }
        }
        return new Tensor[] {
            y.copy(),
            dx.copy(),
            layer.gamma().gradient().copy(),
            layer.beta().gradient().copy()
        };
    }

    /**
     * Evaluation in float32: x̂ from the running statistics rounded to float, against the same statistics in double;
     * backward is γ/√(σ² + ε)·dy. A few roundings each.
     */
    private static Tensor[] assertEvaluationBatchNormWithinBounds(Tensor x, Tensor dy, Tensor gamma, Tensor beta) {
        int cols = x.cols();
        BatchNorm layer = new BatchNorm(cols, 0.5, 1e-5, Precision.FLOAT32);
        layer.gamma().value().copyFrom(gamma);
        layer.beta().value().copyFrom(beta);
        layer.forward(x, true);
        Tensor y = layer.forward(x, false);
        Tensor dx = layer.backward(dy);
        for (int i = 0; i < x.size(); i++) {
            int j = i % cols;
            double mean = layer.runningMean(j);
            double inverseStd = 1 / Math.sqrt(layer.runningVariance(j) + 1e-5);
            double xHat = (x.get(i) - mean) * inverseStd;
            double expected = gamma.get(j) * xHat + beta.get(j);
            double xHatBound = inverseStd * U * Math.abs(mean) + 3 * U * Math.abs(xHat);
            double bound =
                    2 * (Math.abs(gamma.get(j)) * xHatBound + U * (Math.abs(gamma.get(j) * xHat) + Math.abs(expected)));
            assertEquals(expected, y.get(i), bound, "evaluation y " + i);
            double expectedDx = gamma.get(j) * inverseStd * dy.get(i);
            assertEquals(expectedDx, dx.get(i), 4 * U * Math.abs(expectedDx), "evaluation dx " + i);
        }
        return new Tensor[] {y.copy(), dx.copy()};
    }

    /** Checks {@code check} on one thread, then that groups of 2, 3 and 4 threads give the same bits. */
    private static void batchNormOnEveryGroupSize(java.util.function.Supplier<Tensor[]> check) {
        Tensor[][] first = new Tensor[1][];
        onEveryGroupSize(() -> {
            Tensor[] results = check.get();
            if (first[0] == null) {
                first[0] = results;
                return;
            }
            for (int t = 0; t < results.length; t++) {
                assertSameBits(
                        first[0][t],
                        results[t],
                        "result " + t + " on " + CoreGroup.current().size());
            }
        });
    }

    @Test
    void batchNormInFloatIsWithinItsBoundOfTheFloat64CodeWithTheSameBitsOnAnyThreads() {
        // Wide rows a row at a time, narrow ones several at a time.
        for (int cols : new int[] {COLS, 40, 7}) {
            Tensor x = randomFloats(7, ROWS, cols, 5);
            Tensor dy = randomFloats(8, ROWS, cols, 1);
            Tensor gamma = randomFloats(9, 1, cols, 2);
            Tensor beta = randomFloats(10, 1, cols, 1);
            batchNormOnEveryGroupSize(() -> assertTrainingBatchNormWithinBounds(x, dy, gamma, beta));
            batchNormOnEveryGroupSize(() -> assertEvaluationBatchNormWithinBounds(x, dy, gamma, beta));
        }
    }

    /**
     * A tall batch with means far from zero, as a channel batch norm's pixels are, and values whose roundings lean
     * one way (two values a column, a quarter apart): a float sum row after row is off by about 10⁻⁴ of the sum
     * here, far beyond the bound, and the tree of blocks is not.
     */
    @Test
    void batchNormKeepsItsBoundOverManyRowsWithLargeMeans() {
        int rows = 70_001;
        Tensor x = randomFloats(11, rows, 3, 1);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < 3; j++) {
                double noise = j == 0 ? x.get(r, j) : 0;
                x.set(r * 3 + j, (float) (1000.1 * (j + 1) + 0.25 * (r % 2) + noise));
            }
        }
        Tensor dy = randomFloats(12, rows, 3, 1);
        Tensor gamma = randomFloats(13, 1, 3, 2);
        Tensor beta = randomFloats(14, 1, 3, 1);
        batchNormOnEveryGroupSize(() -> assertTrainingBatchNormWithinBounds(x, dy, gamma, beta));
    }

    @Test
    void dropoutMasksAreTheSplitStreamsDrawsOnAnyNumberOfThreads() {
        Tensor x = randomFloats(9, ROWS, COLS, 1);
        onEveryGroupSize(() -> {
            Dropout dropout = new Dropout(0.3, new SplittableRandom(11));
            SplittableRandom reference = new SplittableRandom(11).split();
            for (int step = 0; step < 3; step++) {
                Tensor y = dropout.forward(x, true);
                for (int i = 0; i < x.size(); i++) {
                    float kept = reference.nextDouble() < 0.3 ? 0f : (float) (1.0 / 0.7);
                    assertEquals(kept, (float) dropout.mask().get(i), "step " + step + " entry " + i);
                    assertEquals((float) x.get(i) * kept, (float) y.get(i));
                }
            }
        });
    }

    private static final List<Supplier<OnePassSteps>> OPTIMIZERS = List.of(
            Sgd::new,
            () -> new Momentum(0.9),
            () -> new Momentum(0.9, true),
            () -> new AdaGrad(1e-7),
            () -> new RmsProp(0.99, 1e-7),
            () -> new Adam(0.9, 0.999, 1e-7));

    /**
     * Every optimizer's float step against its float64 code on the same float values (a float64 gradient on float
     * values takes that code): within float rounding over three steps, and the same bits on every group size.
     */
    @Test
    void optimizerStepsOnFloatsFollowTheirScalarCodeAndDoNotDependOnTheCores() {
        for (Supplier<OnePassSteps> make : OPTIMIZERS) {
            Tensor start = randomFloats(12, 120, 300, 1);
            Parameter reference = new Parameter("W", start.copy(), Tensor.zeros(Precision.FLOAT64, 120, 300), true);
            Optimizer scalar = make.get();
            scalar.initialize(List.of(reference));
            Parameter single = new Parameter("W", start.copy(), Tensor.zeros(120, 300), true);
            Optimizer floats = make.get();
            floats.initialize(List.of(single));
            Tensor[] expected = new Tensor[3];
            for (int step = 0; step < 3; step++) {
                reference.gradient().copyFrom(randomFloats(20 + step, 120, 300, 1));
                scalar.step(0.01);
                single.gradient().copyFrom(randomFloats(20 + step, 120, 300, 1));
                floats.step(0.01);
                String what = floats.getClass().getSimpleName() + " step " + step;
                for (int i = 0; i < start.size(); i++) {
                    // A step moves a value by about η: float rounding of the step and of the value, a few ulps of 1.
                    assertEquals(reference.value().get(i), single.value().get(i), 5e-7, what + " [" + i + "]");
                }
                expected[step] = single.value().copy();
            }
            onEveryGroupSize(() -> {
                Parameter p = new Parameter("W", start.copy(), Tensor.zeros(120, 300), true);
                Optimizer optimizer = make.get();
                optimizer.initialize(List.of(p));
                for (int step = 0; step < 3; step++) {
                    p.gradient().copyFrom(randomFloats(20 + step, 120, 300, 1));
                    optimizer.step(0.01);
                    assertSameBits(
                            expected[step], p.value(), optimizer.getClass().getSimpleName() + " step " + step);
                }
            });
        }
    }

    /**
     * The one pass with weight decay against the trainer's passes it replaces: {@code λ·W} added (in float) into the
     * gradient of the weights, not the bias, then the plain step. The same bits, the gradients left as used or
     * cleared, and the penalty {@code λ/2·Σw²} over the weights, with the same bits on every group size.
     */
    @Test
    void theOnePassTakesWeightDecayAsTheTrainersPassesDid() {
        float lambda = 1e-3f;
        for (Supplier<OnePassSteps> make : OPTIMIZERS) {
            Tensor weights = randomFloats(31, 150, 300, 1);
            Tensor bias = randomFloats(32, 1, 300, 1);
            Parameter w = new Parameter("W", weights.copy(), Tensor.zeros(150, 300), true);
            Parameter b = new Parameter("b", bias.copy(), Tensor.zeros(1, 300), false);
            Optimizer plain = make.get();
            plain.initialize(List.of(w, b));
            Tensor[] expected = new Tensor[2];
            double[] penalties = new double[2];
            for (int step = 0; step < 2; step++) {
                w.gradient().copyFrom(randomFloats(40 + step, 150, 300, 1));
                b.gradient().copyFrom(randomFloats(50 + step, 1, 300, 1));
                double squares = 0;
                for (int i = 0; i < w.value().size(); i++) {
                    float v = (float) w.value().get(i);
                    squares += (double) v * v;
                    w.gradient().set(i, (float) w.gradient().get(i) + lambda * v);
                }
                penalties[step] = 0.5 * lambda * squares;
                plain.step(0.01);
                expected[step] = w.value().copy();
            }
            Tensor expectedBias = b.value().copy();
            String name = plain.getClass().getSimpleName();
            onEveryGroupSize(() -> {
                Parameter pw = new Parameter("W", weights.copy(), Tensor.zeros(150, 300), true);
                Parameter pb = new Parameter("b", bias.copy(), Tensor.zeros(1, 300), false);
                OnePassSteps optimizer = make.get();
                optimizer.initialize(List.of(pw, pb));
                double[] got = new double[2];
                for (int step = 0; step < 2; step++) {
                    Tensor gradient = randomFloats(40 + step, 150, 300, 1);
                    pw.gradient().copyFrom(gradient);
                    pb.gradient().copyFrom(randomFloats(50 + step, 1, 300, 1));
                    boolean clear = step == 0;
                    Tensor before = pw.value().copy();
                    got[step] = optimizer.step(0.01, lambda, clear);
                    assertSameBits(expected[step], pw.value(), name + " step " + step);
                    assertEquals(penalties[step], got[step], 1e-12 * penalties[step], name + " penalty " + step);
                    for (int i = 0; i < gradient.size(); i++) {
                        float used = (float) gradient.get(i) + lambda * (float) before.get(i);
                        assertEquals(clear ? 0f : used, (float) pw.gradient().get(i), name + " gradient " + i);
                    }
                }
                assertSameBits(expectedBias, pb.value(), name + " bias");
                assertEquals(0.0, optimizer.step(0.01, 0, true), name + " no decay, no penalty");
                if (CoreGroup.current() == null) {
                    penalties[0] = got[0];
                    penalties[1] = got[1];
                } else {
                    assertEquals(
                            penalties[0],
                            got[0],
                            name + " penalty bits on " + CoreGroup.current().size());
                    assertEquals(
                            penalties[1],
                            got[1],
                            name + " penalty bits on " + CoreGroup.current().size());
                }
            });
        }
    }
}
