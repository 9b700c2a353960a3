package org.nnx.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nnx.check.GradientCheck;
import org.nnx.spi.Freezable;
import org.nnx.spi.Layer;
import org.nnx.spi.Loss;
import org.nnx.spi.Parameter;
import org.nnx.spi.Split;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * {@code gradient check(tolerance)}: before training, backprop of the whole network and loss against central
 * differences with {@link GradientCheck}, in float64 so that the errors measure the code and not float32
 * rounding.
 *
 * <p>The network is built a second time in {@link Precision#FLOAT64} and given the trained network's initial
 * values; the objective is the loss of the first {@value #SAMPLES} training samples in training mode. One
 * unfrozen forward draws the dropout masks, then every {@link Freezable} layer is frozen so that all of the
 * check's forwards are the same function. At most {@value #ENTRIES_PER_TENSOR} entries of each parameter tensor,
 * spread evenly over it, are differentiated, which keeps the check short however large the network.
 * Parameters are named {@code <layer position>:<layer name>.<parameter>}, e.g. {@code 1:dense.W}.
 */
final class NetworkGradientCheck {
    static final int SAMPLES = 10;
    static final int ENTRIES_PER_TENSOR = 100;

    private NetworkGradientCheck() {}

    /**
     * The largest relative error of each parameter tensor, by name, in the network's order.
     *
     * @param trained    the network to be trained, at its initial values
     * @param float64    the same model built in float64 (its values are overwritten)
     * @param layerNames the model's layer names, one per layer
     * @param loss       a fresh loss of the run's kind
     */
    static Map<String, Double> run(
            Network trained,
            Network float64,
            List<String> layerNames,
            Loss loss,
            Split train,
            int features,
            int classes) {
        for (int p = 0; p < trained.parameters().size(); p++) {
            float64.parameters()
                    .get(p)
                    .value()
                    .copyFrom(trained.parameters().get(p).value());
        }
        int count = Math.min(SAMPLES, train.size());
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        // Splits fill float32 batches (that is what training reads); widen afterwards.
        Tensor batch = Tensor.zeros(Precision.FLOAT32, count, features);
        train.features(indices, 0, count, batch);
        Tensor x = batch.to(Precision.FLOAT64);
        Tensor targets = Tensor.zeros(Precision.FLOAT64, count, classes);
        OneHot.fill(train, indices, 0, count, targets);

        float64.forward(x, true);
        for (Layer layer : float64.layers()) {
            if (layer instanceof Freezable freezable) {
                freezable.freeze(true);
            }
        }
        GradientCheck.Result result = new GradientCheck()
                .withMaxEntriesPerTensor(ENTRIES_PER_TENSOR)
                .check(new NamedNetwork(float64, layerNames), x, loss, targets);
        return result.parameterErrors();
    }

    /** The names whose errors exceed {@code tolerance} (NaN exceeds every tolerance), for the run's reason. */
    static String failures(Map<String, Double> errors, double tolerance) {
        List<String> failing = new ArrayList<>();
        errors.forEach((name, error) -> {
            if (!(error < tolerance)) {
                failing.add(name + " " + String.format(Locale.ROOT, "%.3g", error));
            }
        });
        return failing.isEmpty()
                ? ""
                : "gradient check: relative error above " + tolerance + " in " + String.join(", ", failing);
    }

    /** A network as one layer whose parameters carry their layer's position and name. */
    private static final class NamedNetwork implements Layer {
        private final Network network;
        private final List<Parameter> parameters;

        NamedNetwork(Network network, List<String> layerNames) {
            this.network = network;
            List<Parameter> named = new ArrayList<>();
            for (int k = 0; k < network.layers().size(); k++) {
                for (Parameter parameter : network.layers().get(k).parameters()) {
                    named.add(new Parameter(
                            (k + 1) + ":" + layerNames.get(k) + "." + parameter.name(),
                            parameter.value(),
                            parameter.gradient(),
                            parameter.decays()));
                }
            }
            this.parameters = List.copyOf(named);
        }

        @Override
        public Tensor forward(Tensor input, boolean training) {
            return network.forward(input, training);
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            return network.backward(outputGradient);
        }

        @Override
        public List<Parameter> parameters() {
            return parameters;
        }
    }
}
