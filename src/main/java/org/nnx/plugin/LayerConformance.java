package org.nnx.plugin;

import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nnx.check.GradientCheck;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Freezable;
import org.nnx.spi.Initializer;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.Shape;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * Whether a layer's backward agrees with its forward: a float64 gradient check against central differences
 * ({@link GradientCheck}) on a small random input. Deterministic: the layer's initial values and the input
 * come from a fixed seed, so a verdict is the same on every run and every machine.
 *
 * <p>The layer is built with the given {@link LayerContext} facts (input width, neighbours) in
 * {@link Precision#FLOAT64}, fed {@value #ROWS} samples drawn from N(0, 1), and at most
 * {@value #MAX_ENTRIES_PER_TENSOR} entries of each parameter and of the input are differentiated, so
 * that a wide layer costs milliseconds. A plugin layer whose training-mode forward is not repeatable (a
 * dropout draws a fresh mask each time) is checked in evaluation mode, where it must be; nnx's own such
 * layers ({@link Freezable}) are checked in training mode with their randomness frozen.
 */
public final class LayerConformance {
    /** The largest relative error that passes. */
    public static final double TOLERANCE = 1e-4;

    static final int ROWS = 2;
    static final int MAX_ENTRIES_PER_TENSOR = 64;
    private static final long SEED = 0x6e6e78L;

    private LayerConformance() {}

    /**
     * One check's outcome.
     *
     * @param maxError the largest relative error (NaN when the layer threw, or produced NaN)
     * @param where    where it was largest: a parameter's name, or {@code the input}
     * @param thrown   what the layer threw, {@code IllegalStateException: …}; null when it did not
     */
    public record Outcome(double maxError, String where, String thrown) {
        public boolean passes() {
            return thrown == null && maxError < TOLERANCE;
        }

        /** {@code largest relative error 0.31 in W (tolerance 1e-4)}, or {@code it threw …}. */
        public String describe() {
            if (thrown != null) {
                return "it threw " + thrown;
            }
            return "largest relative error " + format(maxError) + " in " + where + " (tolerance 1e-4)";
        }

        /** {@code 3.1e-09}, {@code 0.31}: two significant digits. */
        public static String format(double error) {
            return Double.isNaN(error) ? "NaN" : String.format(Locale.ROOT, "%.2g", error);
        }
    }

    /**
     * Builds the layer from {@code factory} and checks it.
     *
     * @param initializers makes the initializers a layer's arguments name
     */
    public static Outcome check(
            LayerFactory factory,
            Arguments arguments,
            int inputSize,
            String previousLayer,
            String nextLayer,
            Function<ComponentCall, Initializer> initializers) {
        return check(factory, arguments, Shape.flat(inputSize), previousLayer, nextLayer, initializers);
    }

    /** Builds the layer for samples of shape {@code inputShape} and checks it. */
    public static Outcome check(
            LayerFactory factory,
            Arguments arguments,
            Shape inputShape,
            String previousLayer,
            String nextLayer,
            Function<ComponentCall, Initializer> initializers) {
        int inputSize = inputShape.size();
        try {
            SplittableRandom random = new SplittableRandom(SEED);
            Layer layer = factory.create(
                    arguments,
                    new LayerContext(
                            inputSize, previousLayer, nextLayer, Precision.FLOAT64, random, initializers, inputShape));
            Tensor input = Tensor.zeros(Precision.FLOAT64, ROWS, inputSize);
            for (int i = 0; i < input.size(); i++) {
                input.set(i, random.nextGaussian());
            }
            boolean training;
            if (layer instanceof Freezable freezable) {
                // nnx's own dropout and batch_norm can repeat one training forward exactly: check that.
                layer.forward(input.copy(), true);
                freezable.freeze(true);
                training = true;
            } else {
                training = repeatable(layer, input);
            }
            GradientCheck check = new GradientCheck()
                    .withMaxEntriesPerTensor(MAX_ENTRIES_PER_TENSOR)
                    .withTraining(training);
            return outcome(check.check(layer, input, random));
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            // Whatever the plugin's code does wrong, the verdict names it; once it has unwound, nnx goes on.
            return new Outcome(Double.NaN, null, PluginException.describe(unwrapped(e)));
        }
    }

    /** Whether two training-mode forwards of the same input agree exactly. */
    private static boolean repeatable(Layer layer, Tensor input) {
        Tensor first = layer.forward(input.copy(), true).copy();
        Tensor second = layer.forward(input.copy(), true);
        if (first.rows() != second.rows() || first.cols() != second.cols()) {
            return false;
        }
        for (int i = 0; i < first.size(); i++) {
            if (Double.compare(first.get(i), second.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Outcome outcome(GradientCheck.Result result) {
        double max = result.inputError();
        String where = "the input";
        for (Map.Entry<String, Double> entry : result.parameterErrors().entrySet()) {
            // A NaN anywhere is the verdict: it compares false with everything, so pick it explicitly.
            if (Double.isNaN(entry.getValue()) && !Double.isNaN(max) || entry.getValue() > max) {
                max = entry.getValue();
                where = entry.getKey();
            }
        }
        return new Outcome(max, where, null);
    }

    /** A wrapped plugin failure says what the plugin threw; the wrapper's name adds nothing here. */
    private static Throwable unwrapped(Throwable e) {
        return e instanceof PluginException && e.getCause() != null ? e.getCause() : e;
    }
}
