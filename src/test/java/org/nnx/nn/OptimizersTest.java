package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nnx.spi.Optimizer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * The first two steps of each optimizer against numbers worked out by hand, with η = 0.1, on one parameter
 * {@code W = [1, −2]} whose gradient is {@code [0.5, −1]} at the first step and {@code [1, 2]} at the second: in
 * float64, to 1e-12, and in float32, whose steps are computed in float, to a few float ulps of 2.
 */
class OptimizersTest {
    private static final double TOLERANCE = 1e-12;
    /** Float32 steps: a handful of roundings of values below 2, each at most 1.2e-7. */
    private static final double FLOAT_TOLERANCE = 1e-6;

    /** W after the first step and after the second, in {@code precision}. */
    private static double[][] twoSteps(Optimizer optimizer, Precision precision) {
        Parameter w = new Parameter("W", Tensor.zeros(precision, 1, 2), Tensor.zeros(precision, 1, 2), true);
        w.value().set(0, 1);
        w.value().set(1, -2);
        w.gradient().set(0, 0.5);
        w.gradient().set(1, -1);
        optimizer.initialize(List.of(w));
        optimizer.step(0.1);
        double[] first = {w.value().get(0), w.value().get(1)};
        w.gradient().set(0, 1);
        w.gradient().set(1, 2);
        optimizer.step(0.1);
        return new double[][] {first, {w.value().get(0), w.value().get(1)}};
    }

    /** The optimizer's two steps in float64 and in float32 against {@code expected}. */
    private static void assertSteps(double[][] expected, Supplier<Optimizer> optimizer) {
        assertSteps(expected, twoSteps(optimizer.get(), Precision.FLOAT64), TOLERANCE);
        assertSteps(expected, twoSteps(optimizer.get(), Precision.FLOAT32), FLOAT_TOLERANCE);
    }

    private static void assertSteps(double[][] expected, double[][] actual, double tolerance) {
        for (int step = 0; step < 2; step++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(expected[step][i], actual[step][i], tolerance, "step " + (step + 1) + " entry " + i);
            }
        }
    }

    @Test
    void momentum() {
        // v₁ = −0.1·g₁ = [−0.05, 0.1]; W₁ = [0.95, −1.9].
        // v₂ = 0.9·v₁ − 0.1·g₂ = [−0.045 − 0.1, 0.09 − 0.2] = [−0.145, −0.11]; W₂ = [0.805, −2.01].
        assertSteps(new double[][] {{0.95, -1.9}, {0.805, -2.01}}, () -> new Momentum(0.9));
    }

    @Test
    void nesterov() {
        // v₁ = [−0.05, 0.1]; W₁ = W₀ + 0.9·v₁ − 0.1·g₁ = [1 − 0.045 − 0.05, −2 + 0.09 + 0.1] = [0.905, −1.81].
        // v₂ = [−0.145, −0.11]; W₂ = W₁ + 0.9·v₂ − 0.1·g₂ = [0.905 − 0.1305 − 0.1, −1.81 − 0.099 − 0.2].
        // PyTorch's form agrees: b₁ = g₁, W₁ = W₀ − 0.1·(g₁ + 0.9·b₁) = [1 − 0.095, −2 + 0.19].
        assertSteps(new double[][] {{0.905, -1.81}, {0.6745, -2.109}}, () -> new Momentum(0.9, true));
    }

    @Test
    void adagrad() {
        // G₁ = g₁² = [0.25, 1]; W₁ = W₀ − 0.1·g₁ / (√G₁ + ε) = [1 − 0.05/0.5000001, −2 + 0.1/1.0000001].
        // G₂ = [1.25, 5]; W₂ = W₁ − [0.1/(√1.25 + ε), 0.2/(√5 + ε)].
        double eps = 1e-7;
        double w10 = 1 - 0.05 / (0.5 + eps);
        double w11 = -2 + 0.1 / (1 + eps);
        double[][] expected = {{w10, w11}, {w10 - 0.1 / (Math.sqrt(1.25) + eps), w11 - 0.2 / (Math.sqrt(5) + eps)}};
        assertSteps(expected, () -> new AdaGrad(eps));
        // The numbers themselves, rounded: first step ≈ η·sign(g).
        assertEquals(0.90000002, expected[0][0], 1e-8);
        assertEquals(0.8105573, expected[1][0], 1e-7);
    }

    @Test
    void rmsprop() {
        // s₁ = 0.01·g₁² = [0.0025, 0.01]; W₁ = W₀ − 0.1·g₁ / (√s₁ + ε) = [1 − 0.05/0.0500001, −2 + 0.1/0.1000001].
        // s₂ = 0.99·s₁ + 0.01·g₂² = [0.012475, 0.0499]; W₂ = W₁ − 0.1·g₂ / (√s₂ + ε).
        double eps = 1e-7;
        double w10 = 1 - 0.05 / (0.05 + eps);
        double w11 = -2 + 0.1 / (0.1 + eps);
        double[][] expected = {
            {w10, w11}, {w10 - 0.1 / (Math.sqrt(0.012475) + eps), w11 - 0.2 / (Math.sqrt(0.0499) + eps)}
        };
        assertSteps(expected, () -> new RmsProp(0.99, eps));
        assertEquals(-0.8953202, expected[1][0], 1e-7);
    }

    @Test
    void adam() {
        // m₁ = 0.1·g₁ = [0.05, −0.1]; v₁ = 0.001·g₁² = [0.00025, 0.001];
        // η₁ = 0.1·√(1 − 0.999) / (1 − 0.9) = 0.1·√0.001 / 0.1 = 0.0316228; W₁ = W₀ − η₁·m₁ / (√v₁ + ε).
        // m₂ = 0.9·m₁ + 0.1·g₂ = [0.145, 0.11]; v₂ = 0.999·v₁ + 0.001·g₂² = [0.00124975, 0.004999];
        // η₂ = 0.1·√(1 − 0.999²) / (1 − 0.9²) = 0.1·√0.001999 / 0.19; W₂ = W₁ − η₂·m₂ / (√v₂ + ε).
        double eps = 1e-7;
        double eta1 = 0.1 * Math.sqrt(0.001) / 0.1;
        double eta2 = 0.1 * Math.sqrt(0.001999) / 0.19;
        double w10 = 1 - eta1 * 0.05 / (Math.sqrt(0.00025) + eps);
        double w11 = -2 + eta1 * 0.1 / (Math.sqrt(0.001) + eps);
        double[][] expected = {
            {w10, w11},
            {w10 - eta2 * 0.145 / (Math.sqrt(0.00124975) + eps), w11 - eta2 * 0.11 / (Math.sqrt(0.004999) + eps)}
        };
        assertSteps(expected, () -> new Adam(0.9, 0.999, eps));
        // Adam's first step is η·sign(g), whatever the gradient's size.
        assertEquals(0.9, expected[0][0], 1e-5);
        assertEquals(-1.9, expected[0][1], 1e-5);
    }

    @Test
    void float32ParametersTakeTheSameSteps() {
        Parameter w = new Parameter("W", Tensor.of(1, 2, 1, -2), Tensor.of(1, 2, 0.5f, -1), true);
        Adam adam = new Adam(0.9, 0.999, 1e-7);
        adam.initialize(List.of(w));
        adam.step(0.1);
        assertEquals(0.9, w.value().get(0), 1e-5);
        assertEquals(-1.9, w.value().get(1), 1e-5);
    }

    @Test
    void hyperparametersOutOfRangeAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Momentum(1.0));
        assertThrows(IllegalArgumentException.class, () -> new Momentum(-0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new AdaGrad(0));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(1.0, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.9, 1.0, 1e-7));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.9, 0.999, -1e-7));
    }
}
