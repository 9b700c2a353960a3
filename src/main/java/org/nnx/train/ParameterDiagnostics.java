package org.nnx.train;

import java.util.ArrayList;
import java.util.List;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Layer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * Measures, at each evaluation, how every parameter tensor is learning ({@link TensorDiagnostics}): the norm of
 * the last step's gradient and how far the tensor moved since the evaluation before. It keeps a copy of the
 * parameters as they were at the last evaluation, and works only at evaluations, so training steps cost
 * nothing more.
 *
 * <p>When plain SGD steps inside backward ({@link TrainingSetup#descendInBackward()}) no gradient is kept: the
 * step of an iteration that evaluates then starts from a copy of the parameters, and the gradient is read
 * back from the step, (W_before − W_after) / η, exact where it is zero.
 */
final class ParameterDiagnostics {
    private final List<Parameter> parameters;
    private final List<String> names;
    /** NaN unless the gradient is read back from the step. */
    private final float stepRate;

    private final double[][] atLastEvaluation;
    private final double[][] beforeStep;

    private ParameterDiagnostics(List<Parameter> parameters, List<String> names, float stepRate) {
        this.parameters = parameters;
        this.names = names;
        this.stepRate = stepRate;
        atLastEvaluation = new double[parameters.size()][];
        beforeStep = new double[parameters.size()][];
        for (int p = 0; p < parameters.size(); p++) {
            atLastEvaluation[p] = values(parameters.get(p).value());
        }
    }

    /** Diagnostics of the set-up's network, starting from its parameters as they are now (initial). */
    static ParameterDiagnostics of(TrainingSetup setup) {
        Network network = setup.network();
        List<String> layerNames =
                setup.config().layers().stream().map(ComponentCall::name).toList();
        float rate = setup.descendInBackward() ? (float) setup.config().learningRate() : Float.NaN;
        return new ParameterDiagnostics(network.parameters(), names(network, layerNames), rate);
    }

    /**
     * Each parameter's name as the report names it, {@code <layer position>:<layer name>.<parameter>}, e.g.
     * {@code 1:dense.W}; the layer's class stands in for a name the model does not give.
     */
    static List<String> names(Network network, List<String> layerNames) {
        List<String> names = new ArrayList<>();
        List<Layer> layers = network.layers();
        for (int k = 0; k < layers.size(); k++) {
            String layer = k < layerNames.size()
                    ? layerNames.get(k)
                    : layers.get(k).getClass().getSimpleName().toLowerCase();
            for (Parameter parameter : layers.get(k).parameters()) {
                names.add((k + 1) + ":" + layer + "." + parameter.name());
            }
        }
        return List.copyOf(names);
    }

    /** The parameter tensors' names, in the order of the rows' diagnostics. */
    List<String> names() {
        return names;
    }

    /** Each parameter tensor as it was at the last evaluation (or at the start), for a checkpoint. */
    List<Tensor> lastEvaluated() {
        List<Tensor> tensors = new ArrayList<>(atLastEvaluation.length);
        for (double[] values : atLastEvaluation) {
            tensors.add(Tensor.wrap(1, values.length, values.clone()));
        }
        return tensors;
    }

    /** Goes on from a checkpoint's {@link #lastEvaluated}: the next weight change is measured from those. */
    void resume(List<Tensor> lastEvaluated) {
        if (lastEvaluated.size() != atLastEvaluation.length) {
            throw new IllegalArgumentException("the checkpoint has " + lastEvaluated.size()
                    + " tensors as at the last evaluation, the network " + atLastEvaluation.length);
        }
        for (int p = 0; p < atLastEvaluation.length; p++) {
            double[] values = values(lastEvaluated.get(p));
            if (values.length != atLastEvaluation[p].length) {
                throw new IllegalArgumentException("the checkpoint's tensor " + names.get(p) + " has " + values.length
                        + " values, the network's " + atLastEvaluation[p].length);
            }
            atLastEvaluation[p] = values;
        }
    }

    /** Call before the step of an iteration that evaluates. */
    void beforeEvaluatedStep() {
        if (!Float.isNaN(stepRate)) {
            for (int p = 0; p < parameters.size(); p++) {
                beforeStep[p] = values(parameters.get(p).value());
            }
        }
    }

    /** The diagnostics after the step of an iteration that evaluates; the parameters now are the next reference. */
    List<TensorDiagnostics> measure() {
        List<TensorDiagnostics> diagnostics = new ArrayList<>(parameters.size());
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            double[] now = values(parameter.value());
            diagnostics.add(new TensorDiagnostics(
                    names.get(p), gradientNorm(p, parameter, now), relativeChange(now, atLastEvaluation[p])));
            atLastEvaluation[p] = now;
        }
        return diagnostics;
    }

    private double gradientNorm(int p, Parameter parameter, double[] now) {
        if (Float.isNaN(stepRate)) {
            return norm(values(parameter.gradient()));
        }
        double[] before = beforeStep[p];
        if (before == null) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < now.length; i++) {
            double g = (before[i] - now[i]) / stepRate;
            sum += g * g;
        }
        return Math.sqrt(sum);
    }

    /** ‖now − before‖ / ‖before‖; NaN when {@code before} is all zeros. */
    static double relativeChange(double[] now, double[] before) {
        double difference = 0;
        for (int i = 0; i < now.length; i++) {
            double d = now[i] - before[i];
            difference += d * d;
        }
        double reference = norm(before);
        return reference == 0 ? Double.NaN : Math.sqrt(difference) / reference;
    }

    static double norm(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private static double[] values(Tensor tensor) {
        double[] values = new double[tensor.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = tensor.get(i);
        }
        return values;
    }
}
