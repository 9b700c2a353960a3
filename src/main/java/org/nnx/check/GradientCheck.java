package org.nnx.check;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nnx.spi.Layer;
import org.nnx.spi.Loss;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * Checks backpropagation against central differences, in float64.
 *
 * <p>For a scalar objective {@code f} (a loss of the layer's output), every entry {@code θ} of every parameter
 * and of the input gets the numerical derivative {@code (f(θ + h) − f(θ − h)) / 2h}, which is compared with
 * what backward computed. The comparison for one entry is the relative error
 *
 * <pre>    |a − n| / max(|a| + |n|, floor)</pre>
 *
 * <p>with {@code a} the backprop value and {@code n} the numerical one. The {@code floor} (default
 * {@value #DEFAULT_FLOOR}) keeps entries whose true derivative is about 0 from turning the numerical
 * derivative's own round-off noise (about {@code 1e-16·|f|/h}, some 1e-10 for an objective of order 10) into a
 * large relative error: a saturated sigmoid, with derivatives near 1e-9, scores 3e-2 under a floor of 1e-8 but
 * 3e-6 under 1e-4. An entry below the floor is in effect judged by its absolute error {@code |a − n| / floor}.
 * Correct code typically scores around 1e-8 on small layers and below 1e-5 on layers of thousands of entries;
 * a wrong backward scores near 1.
 *
 * <p>The layer must have been built in {@link Precision#FLOAT64}. The input is copied, never changed; each
 * parameter is perturbed in place and restored exactly. Afterwards each parameter's gradient holds the
 * backprop gradient of the check's objective (it is zeroed first). Layers that draw fresh randomness on every
 * forward (dropout) must be checked with {@link #withTraining withTraining(false)} or with their randomness
 * fixed, because the check runs forward many times.
 *
 * <p>Instances are immutable; {@code withStep}, {@code withFloor}, {@code withTraining} and
 * {@code withMaxEntriesPerTensor} return adjusted copies.
 */
public final class GradientCheck {
    /** The default difference step {@code h}: near the optimum {@code ∛ε ≈ 6e-6} for float64. */
    public static final double DEFAULT_STEP = 1e-5;
    /** The default floor of the relative error's denominator. */
    public static final double DEFAULT_FLOOR = 1e-4;

    private final double step;
    private final double floor;
    private final boolean training;
    private final int maxEntriesPerTensor;

    /** A check with step {@value #DEFAULT_STEP}, floor {@value #DEFAULT_FLOOR}, in training mode, on every entry. */
    public GradientCheck() {
        this(DEFAULT_STEP, DEFAULT_FLOOR, true, Integer.MAX_VALUE);
    }

    private GradientCheck(double step, double floor, boolean training, int maxEntriesPerTensor) {
        if (!(step > 0) || !(floor > 0) || maxEntriesPerTensor <= 0) {
            throw new IllegalArgumentException("step, floor and entries per tensor must be positive");
        }
        this.step = step;
        this.floor = floor;
        this.training = training;
        this.maxEntriesPerTensor = maxEntriesPerTensor;
    }

    /** The same check with difference step {@code h = step}. */
    public GradientCheck withStep(double step) {
        return new GradientCheck(step, floor, training, maxEntriesPerTensor);
    }

    /** The same check with the given floor of the relative error's denominator. */
    public GradientCheck withFloor(double floor) {
        return new GradientCheck(step, floor, training, maxEntriesPerTensor);
    }

    /** The same check running forward with the given {@code training} flag (default true). */
    public GradientCheck withTraining(boolean training) {
        return new GradientCheck(step, floor, training, maxEntriesPerTensor);
    }

    /**
     * The same check differentiating at most {@code max} entries of each tensor, evenly spread over it, to keep
     * checks of large layers fast.
     */
    public GradientCheck withMaxEntriesPerTensor(int max) {
        return new GradientCheck(step, floor, training, max);
    }

    /**
     * The largest relative errors of one check.
     *
     * @param parameterErrors the largest error over each parameter's entries, by parameter name in the order of
     *                        {@link Layer#parameters()}; a name that occurs more than once is suffixed
     *                        {@code #index}, its position in that list
     * @param inputError      the largest error over the input's entries (for a loss: over its output argument)
     */
    public record Result(Map<String, Double> parameterErrors, double inputError) {
        public Result {
            parameterErrors = Collections.unmodifiableMap(new LinkedHashMap<>(parameterErrors));
        }

        /** The largest error of all, parameters and input together. */
        public double maxError() {
            double max = inputError;
            for (double error : parameterErrors.values()) {
                max = Math.max(max, error);
            }
            return max;
        }

        /** Whether every error is below {@code tolerance} (a NaN error never passes). */
        public boolean passes(double tolerance) {
            return maxError() < tolerance;
        }
    }

    /** {@code |analytic − numerical| / max(|analytic| + |numerical|, floor)}; NaN if either is NaN. */
    public static double relativeError(double analytic, double numerical, double floor) {
        double difference = Math.abs(analytic - numerical);
        if (Double.isNaN(difference)) {
            return Double.NaN;
        }
        return difference / Math.max(Math.abs(analytic) + Math.abs(numerical), floor);
    }

    /**
     * Checks {@code layer} under a fixed random linear functional {@code f = Σ output ⊙ R}, R drawn from
     * {@code N(0, 1)} once: every output entry then matters, with a different weight.
     */
    public Result check(Layer layer, Tensor input, RandomGenerator random) {
        Tensor x = float64Copy(input);
        Tensor output = layer.forward(x, training);
        Tensor weights = Tensor.zeros(Precision.FLOAT64, output.rows(), output.cols());
        for (int i = 0; i < weights.size(); i++) {
            weights.set(i, random.nextGaussian());
        }
        return check(layer, x, new LinearFunctional(weights), weights);
    }

    /** Checks {@code layer} under the objective {@code loss.forward(layer.forward(input), targets)}. */
    public Result check(Layer layer, Tensor input, Loss loss, Tensor targets) {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(loss, "loss");
        Tensor x = float64Copy(input);
        List<Parameter> parameters = layer.parameters();
        for (Parameter parameter : parameters) {
            if (parameter.value().precision() != Precision.FLOAT64
                    || parameter.gradient().precision() != Precision.FLOAT64) {
                throw new IllegalArgumentException("gradient checks need a FLOAT64 layer; parameter " + parameter.name()
                        + " is " + parameter.value().precision());
            }
            parameter.gradient().fill(0.0);
        }

        // Backprop first, copying its results: the numerical forwards below overwrite the layer's tensors.
        loss.forward(layer.forward(x, training), targets);
        Tensor inputGradient = layer.backward(loss.backward()).copy();
        List<Tensor> parameterGradients = new ArrayList<>();
        for (Parameter parameter : parameters) {
            parameterGradients.add(parameter.gradient().copy());
        }

        Objective objective = () -> loss.forward(layer.forward(x, training), targets);
        Map<String, Double> errors = new LinkedHashMap<>();
        List<String> names = uniqueNames(parameters);
        for (int p = 0; p < parameters.size(); p++) {
            errors.put(names.get(p), maxError(parameters.get(p).value(), parameterGradients.get(p), objective));
        }
        double inputError = maxError(x, inputGradient, objective);

        // Leave the layer's caches as they were after the backprop pass, in case the caller inspects them.
        loss.forward(layer.forward(x, training), targets);
        return new Result(errors, inputError);
    }

    /** Checks a loss's backward against central differences of its forward with respect to its output. */
    public Result checkLoss(Loss loss, Tensor output, Tensor targets) {
        Tensor y = float64Copy(output);
        Tensor t = targets.precision() == Precision.FLOAT64 ? targets : targets.to(Precision.FLOAT64);
        loss.forward(y, t);
        Tensor analytic = loss.backward().copy();
        double error = maxError(y, analytic, () -> loss.forward(y, t));
        loss.forward(y, t);
        return new Result(Map.of(), error);
    }

    /** The largest relative error between {@code analytic} and central differences of the entries of {@code values}. */
    private double maxError(Tensor values, Tensor analytic, Objective objective) {
        int size = values.size();
        int checked = Math.min(size, maxEntriesPerTensor);
        double max = 0.0;
        for (int e = 0; e < checked; e++) {
            int i = (int) ((long) e * size / checked);
            double original = values.get(i);
            double up = original + step;
            double down = original - step;
            values.set(i, up);
            double fUp = objective.value();
            values.set(i, down);
            double fDown = objective.value();
            values.set(i, original);
            // Divide by the step actually taken, (up − down), which rounding may have made differ from 2h.
            double numerical = (fUp - fDown) / (up - down);
            double error = relativeError(analytic.get(i), numerical, floor);
            if (Double.isNaN(error)) {
                return Double.NaN;
            }
            max = Math.max(max, error);
        }
        return max;
    }

    private static Tensor float64Copy(Tensor tensor) {
        return tensor.precision() == Precision.FLOAT64 ? tensor.copy() : tensor.to(Precision.FLOAT64);
    }

    private static List<String> uniqueNames(List<Parameter> parameters) {
        Map<String, Integer> counts = new HashMap<>();
        for (Parameter parameter : parameters) {
            counts.merge(parameter.name(), 1, Integer::sum);
        }
        List<String> names = new ArrayList<>();
        for (int p = 0; p < parameters.size(); p++) {
            String name = parameters.get(p).name();
            names.add(counts.get(name) > 1 ? name + "#" + p : name);
        }
        return names;
    }

    /** The scalar being differentiated, re-evaluated after each perturbation. */
    @FunctionalInterface
    private interface Objective {
        double value();
    }

    /** {@code f = Σ output ⊙ weights}, whose gradient is {@code weights} itself; ignores its targets argument. */
    private static final class LinearFunctional implements Loss {
        private final Tensor weights;

        LinearFunctional(Tensor weights) {
            this.weights = weights;
        }

        @Override
        public double forward(Tensor output, Tensor targets) {
            if (output.rows() != weights.rows() || output.cols() != weights.cols()) {
                throw new IllegalArgumentException("output " + output.shape() + " for weights " + weights.shape());
            }
            double sum = 0.0;
            for (int i = 0; i < output.size(); i++) {
                sum += output.get(i) * weights.get(i);
            }
            return sum;
        }

        @Override
        public Tensor backward() {
            return weights;
        }
    }
}
