package org.nnx.plugin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.Initializer;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.Loss;
import org.nnx.spi.LossFactory;
import org.nnx.spi.NnxPlugin;
import org.nnx.spi.Optimizer;
import org.nnx.spi.OptimizerFactory;
import org.nnx.spi.Parameter;
import org.nnx.spi.Split;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * Checks contributions the way nnx relies on them, one call each, knowing nothing of nnx but the SPI:
 * <ul>
 *   <li>a layer's gradients, of its parameters and input, against central differences ({@link LayerConformance});</li>
 *   <li>a loss's gradient with respect to the network's output against central differences, in double precision;</li>
 *   <li>an optimizer on a quadratic bowl, f(w) = ½·Σ cᵢ·wᵢ²: its steps must decrease f;</li>
 *   <li>an initializer's values: finite, the same for the same seed, and of the variance it declares, if any;</li>
 *   <li>a dataset: the same samples for the same seed, labels within its classes, finite features of its width.</li>
 * </ul>
 * {@code nnx plugins --verify} runs these on every contribution; {@link #verify(NnxPlugin)} runs them on one
 * plugin's, as a plugin's own tests would.
 */
public final class PluginVerifier {
    /** The largest relative error of a gradient that passes. */
    public static final double TOLERANCE = 1e-4;
    /** How far an initializer's sample variance may be from the one it declares, relative to it. */
    public static final double VARIANCE_TOLERANCE = 0.1;

    static final int LOSS_ROWS = 3;
    static final int LOSS_COLS = 4;
    static final double STEP = 1e-5;
    static final int BOWL_STEPS = 100;
    static final double BOWL_LEARNING_RATE = 0.01;
    static final int FAN = 64;
    static final long SEED = 7;
    private static final double[] BOWL_CURVATURES = {1, 2, 3, 4};
    private static final double[] BOWL_START = {1.5, -2, 1, -0.5};

    /** What a check found: passed, failed or could not run, with a line saying why. */
    public record Verdict(Status status, String detail) {
        public enum Status {
            OK,
            FAILED,
            SKIPPED
        }

        static Verdict ok(String detail) {
            return new Verdict(Status.OK, detail);
        }

        static Verdict failed(String detail) {
            return new Verdict(Status.FAILED, detail);
        }

        public boolean failed() {
            return status == Status.FAILED;
        }
    }

    /** One contribution's verdict: {@code loss hinge}. */
    public record Finding(String kind, String name, Verdict verdict) {
        /** {@code FAILED  loss hinge: largest relative error 0.5 …}. */
        @Override
        public String toString() {
            return switch (verdict.status()) {
                        case OK -> "ok      ";
                        case FAILED -> "FAILED  ";
                        case SKIPPED -> "skipped ";
                    }
                    + kind + " " + name + ": " + verdict.detail();
        }
    }

    /**
     * Why nnx would skip the jar of {@code plugin} as it loads it, in the words of its warning: an SPI version
     * it does not provide, a list that is null or throws, a name a file cannot write, a name given twice;
     * empty when it would load.
     */
    public static List<String> loadProblems(NnxPlugin plugin) {
        try {
            PluginLoader.checkVersion(plugin);
            PluginContributions made = PluginContributions.fromJar(
                    plugin, new PluginOrigin(plugin.name() == null ? "plugin" : plugin.name(), "", "", "", ""));
            PluginLoader.checkNoTwice(List.of(made));
            return List.of();
        } catch (PluginContributions.Rejected e) {
            return List.of(e.getMessage());
        } catch (RuntimeException e) {
            return List.of(RejectionReasons.of(plugin.getClass().getName() + ".name()", e));
        }
    }

    /** Every contribution of {@code plugin}, kind by kind, each built with its defaults and sample values. */
    public List<Finding> verify(NnxPlugin plugin) {
        List<Finding> findings = new ArrayList<>();
        Function<ComponentCall, Initializer> initializers = call -> plugin.initializers().stream()
                .filter(f -> f.name().equals(call.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the plugin has no initializer '" + call.name() + "'"))
                .create(call.arguments());
        for (LayerFactory factory : plugin.layers()) {
            findings.add(new Finding("layer", factory.name(), withSample(factory.parameters(), arguments -> {
                LayerConformance.Outcome outcome =
                        LayerConformance.check(factory, arguments, 4, null, null, initializers);
                return outcome.passes()
                        ? Verdict.ok("largest relative error " + LayerConformance.Outcome.format(outcome.maxError()))
                        : Verdict.failed(outcome.describe());
            })));
        }
        for (LossFactory factory : plugin.losses()) {
            findings.add(new Finding("loss", factory.name(), withSample(factory.parameters(), a -> loss(factory, a))));
        }
        for (OptimizerFactory factory : plugin.optimizers()) {
            findings.add(new Finding(
                    "optimizer", factory.name(), withSample(factory.parameters(), a -> optimizer(factory, a))));
        }
        for (InitializerFactory factory : plugin.initializers()) {
            findings.add(new Finding(
                    "initializer", factory.name(), withSample(factory.parameters(), a -> initializer(factory, a))));
        }
        for (DatasetFactory factory : plugin.datasets()) {
            findings.add(new Finding(
                    "dataset",
                    factory.name(),
                    withSample(factory.parameters(), a -> dataset(factory, a, Path.of("")))));
        }
        return findings;
    }

    private static Verdict withSample(List<org.nnx.spi.ParameterSpec> parameters, Function<Arguments, Verdict> check) {
        Optional<Arguments> arguments = SampleArguments.of(parameters);
        return arguments.isEmpty()
                ? new Verdict(Verdict.Status.SKIPPED, "it has a required parameter whose value cannot be chosen")
                : check.apply(arguments.get());
    }

    /** The loss's gradient with respect to the output against central differences of its mean loss. */
    public Verdict loss(LossFactory factory, Arguments arguments) {
        try {
            SplittableRandom random = new SplittableRandom(SEED);
            Tensor output = Tensor.zeros(Precision.FLOAT64, LOSS_ROWS, LOSS_COLS);
            Tensor targets = Tensor.zeros(Precision.FLOAT64, LOSS_ROWS, LOSS_COLS);
            for (int r = 0; r < LOSS_ROWS; r++) {
                for (int c = 0; c < LOSS_COLS; c++) {
                    output.set(r, c, random.nextGaussian());
                }
                targets.set(r, (r * 3 + 1) % LOSS_COLS, 1);
            }
            Loss loss = factory.create(arguments);
            double value = loss.forward(output.copy(), targets);
            if (!Double.isFinite(value)) {
                return Verdict.failed("forward() gave " + value + " for finite outputs");
            }
            Tensor gradient = loss.backward().copy();
            if (gradient.rows() != LOSS_ROWS || gradient.cols() != LOSS_COLS) {
                return Verdict.failed("backward() gave a " + gradient.rows() + "×" + gradient.cols()
                        + " gradient for a " + LOSS_ROWS + "×" + LOSS_COLS + " output");
            }
            double worst = 0;
            String where = "";
            for (int r = 0; r < LOSS_ROWS; r++) {
                for (int c = 0; c < LOSS_COLS; c++) {
                    double numerical = (at(loss, output, targets, r, c, STEP) - at(loss, output, targets, r, c, -STEP))
                            / (2 * STEP);
                    double analytic = gradient.get(r, c);
                    double error = Math.abs(analytic - numerical)
                            / Math.max(Math.max(Math.abs(analytic), Math.abs(numerical)), 1e-8);
                    if (!(error <= worst)) {
                        worst = Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
                        where = " at output[" + r + ", " + c + "]: backward() gives " + format(analytic)
                                + ", central differences " + format(numerical);
                    }
                }
            }
            String detail = "largest relative error " + LayerConformance.Outcome.format(worst);
            return worst <= TOLERANCE ? Verdict.ok(detail) : Verdict.failed(detail + where + " (tolerance 1e-4)");
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            return Verdict.failed(PluginException.describe(e));
        }
    }

    private static double at(Loss loss, Tensor output, Tensor targets, int row, int col, double shift) {
        Tensor shifted = output.copy();
        shifted.set(row, col, shifted.get(row, col) + shift);
        return loss.forward(shifted, targets);
    }

    /** {@value #BOWL_STEPS} steps on f(w) = ½·Σ cᵢ·wᵢ² must leave f smaller than they found it. */
    public Verdict optimizer(OptimizerFactory factory, Arguments arguments) {
        try {
            Tensor w = Tensor.zeros(Precision.FLOAT64, 1, BOWL_START.length);
            for (int i = 0; i < BOWL_START.length; i++) {
                w.set(i, BOWL_START[i]);
            }
            Parameter parameter = Parameter.of("W", w, true);
            Optimizer optimizer = factory.create(arguments);
            optimizer.initialize(List.of(parameter));
            double start = bowl(w);
            for (int step = 0; step < BOWL_STEPS; step++) {
                for (int i = 0; i < w.size(); i++) {
                    parameter.gradient().set(i, BOWL_CURVATURES[i] * w.get(i));
                }
                optimizer.step(BOWL_LEARNING_RATE);
            }
            double end = bowl(w);
            String detail = BOWL_STEPS + " steps of learning rate " + BOWL_LEARNING_RATE
                    + " on f(w) = ½·Σ c·w² took f from " + format(start) + " to " + format(end);
            return end < start ? Verdict.ok(detail) : Verdict.failed(detail + " (it must decrease it)");
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            return Verdict.failed(PluginException.describe(e));
        }
    }

    private static double bowl(Tensor w) {
        double f = 0;
        for (int i = 0; i < w.size(); i++) {
            f += 0.5 * BOWL_CURVATURES[i] * w.get(i) * w.get(i);
        }
        return f;
    }

    /** A {@value #FAN}×{@value #FAN} weight matrix: finite, repeatable by seed, of the declared variance. */
    public Verdict initializer(InitializerFactory factory, Arguments arguments) {
        try {
            Initializer initializer = factory.create(arguments);
            Tensor first = fill(initializer);
            Tensor second = fill(factory.create(arguments));
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < first.size(); i++) {
                double value = first.get(i);
                if (!Double.isFinite(value)) {
                    return Verdict.failed("weight " + i + " is " + value);
                }
                if (Double.compare(value, second.get(i)) != 0) {
                    return Verdict.failed("two fills with seed " + SEED + " differ at weight " + i + ": "
                            + format(value) + " and " + format(second.get(i)));
                }
                sum += value;
                squares += value * value;
            }
            int n = first.size();
            double mean = sum / n;
            double variance = squares / n - mean * mean;
            OptionalDouble declared = factory.variance(arguments, FAN, FAN);
            String detail = "finite and repeatable by seed; variance " + format(variance);
            if (declared.isEmpty()) {
                return Verdict.ok(detail + " (it declares none)");
            }
            double expected = declared.getAsDouble();
            boolean matches = Math.abs(variance - expected) <= VARIANCE_TOLERANCE * expected + 1e-12;
            detail += " of " + n + " weights (fan_in = fan_out = " + FAN + "), declared " + format(expected);
            return matches ? Verdict.ok(detail) : Verdict.failed(detail + " (tolerance 10%)");
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            return Verdict.failed(PluginException.describe(e));
        }
    }

    private static Tensor fill(Initializer initializer) {
        Tensor weights = Tensor.zeros(Precision.FLOAT64, FAN, FAN);
        initializer.initialize(weights, FAN, FAN, new SplittableRandom(SEED));
        return weights;
    }

    /**
     * Loads the dataset twice with one seed: the two must agree, and their shapes must hold together. Data
     * that is not there ({@link DatasetException}) skips the check.
     *
     * @param baseDirectory the folder relative paths are resolved against
     */
    public Verdict dataset(DatasetFactory factory, Arguments arguments, Path baseDirectory) {
        try {
            Dataset first;
            try {
                first = factory.load(arguments, new DatasetContext(baseDirectory, SEED));
            } catch (DatasetException e) {
                return new Verdict(Verdict.Status.SKIPPED, "cannot load it here: " + e.getMessage());
            }
            Dataset second = factory.load(arguments, new DatasetContext(baseDirectory, SEED));
            Optional<String> shapes = shapes(first);
            if (shapes.isPresent()) {
                return Verdict.failed(shapes.get());
            }
            Optional<String> difference = difference(first, second);
            if (difference.isPresent()) {
                return Verdict.failed("two loads with seed " + SEED + " differ: " + difference.get());
            }
            return Verdict.ok(first.train().size() + " training and "
                    + first.test().size() + " test samples of " + first.features() + " features in " + first.classes()
                    + " classes, the same for the same seed");
        } catch (DatasetException e) {
            return Verdict.failed("the second load failed: " + e.getMessage());
        } catch (RuntimeException | LinkageError | StackOverflowError | OutOfMemoryError e) {
            return Verdict.failed(PluginException.describe(e));
        }
    }

    /** How many samples of each split are compared, from the start. */
    private static final int COMPARED = 64;

    private static Optional<String> shapes(Dataset dataset) {
        int classes = dataset.classes();
        if (dataset.features() < 1) {
            return Optional.of("features() is " + dataset.features());
        }
        if (classes < 1 || dataset.classNames().size() != classes) {
            return Optional.of("classes() is " + classes + " but classNames() has "
                    + dataset.classNames().size());
        }
        if (dataset.train().size() < 1) {
            return Optional.of("the training split is empty");
        }
        for (Split split : List.of(dataset.train(), dataset.test())) {
            String name = split == dataset.train() ? "training" : "test";
            int n = Math.min(COMPARED, split.size());
            for (int i = 0; i < n; i++) {
                if (split.label(i) < 0 || split.label(i) >= classes) {
                    return Optional.of(
                            name + " sample " + i + " has label " + split.label(i) + ", not in [0, " + classes + ")");
                }
            }
            double[] features = features(split, n, dataset.features());
            for (int i = 0; i < features.length; i++) {
                if (!Double.isFinite(features[i])) {
                    return Optional.of(name + " sample " + i / dataset.features() + " has feature "
                            + i % dataset.features() + " = " + features[i]);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> difference(Dataset a, Dataset b) {
        if (a.features() != b.features() || a.classes() != b.classes()) {
            return Optional.of("features " + a.features() + " and " + b.features() + ", classes " + a.classes()
                    + " and " + b.classes());
        }
        String[] names = {"training", "test"};
        Split[][] splits = {{a.train(), b.train()}, {a.test(), b.test()}};
        for (int s = 0; s < 2; s++) {
            Split x = splits[s][0];
            Split y = splits[s][1];
            if (x.size() != y.size()) {
                return Optional.of(names[s] + " sizes " + x.size() + " and " + y.size());
            }
            int n = Math.min(COMPARED, x.size());
            for (int i = 0; i < n; i++) {
                if (x.label(i) != y.label(i)) {
                    return Optional.of(names[s] + " sample " + i + " has labels " + x.label(i) + " and " + y.label(i));
                }
            }
            double[] fx = features(x, n, a.features());
            double[] fy = features(y, n, a.features());
            for (int i = 0; i < fx.length; i++) {
                if (Double.compare(fx[i], fy[i]) != 0) {
                    return Optional.of(names[s] + " sample " + i / a.features() + " has feature " + i % a.features()
                            + " = " + format(fx[i]) + " and " + format(fy[i]));
                }
            }
        }
        return Optional.empty();
    }

    /** The features of the first {@code count} samples; none (an empty array's worth) when {@code count} is 0. */
    private static double[] features(Split split, int count, int width) {
        if (count == 0) {
            return new double[0];
        }
        Tensor into = Tensor.zeros(Precision.FLOAT64, count, width);
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        split.features(indices, 0, count, into);
        double[] values = new double[into.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = into.get(i);
        }
        return values;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
