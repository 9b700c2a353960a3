package org.nnx.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;

/**
 * Everything one training run needs, resolved and checked. Made with {@link #builder()}, whose defaults
 * are the language's.
 *
 * @param evaluateEvery iterations between evaluations; 0 means once per epoch
 * @param checkpointEvery iterations between checkpoints, besides the one at the end of every epoch; 0 for none
 * @param weightDecay   λ of the L2 penalty λ/2·‖W‖² on parameters that decay (weights, not biases)
 * @param validation    the fraction of the training set held out for validation, in [0, 1)
 * @param keepBest      the metric by which {@code keep best} keeps the best evaluation's weights; empty for none
 */
public record RunConfig(
        ComponentCall dataset,
        List<ComponentCall> layers,
        ComponentCall loss,
        ComponentCall optimizer,
        double learningRate,
        int batchSize,
        TrainingLength length,
        Sampling sampling,
        long seed,
        long evaluateEvery,
        long checkpointEvery,
        double weightDecay,
        double validation,
        EarlyStop earlyStop,
        GradientMode gradient,
        String keepBest) {

    /** The metrics {@code keep best} may choose by: every one an evaluation measures. */
    public static final List<String> KEEP_BEST_METRICS = List.of(
            "train_accuracy", "train_loss", "test_accuracy", "test_loss", "validation_accuracy", "validation_loss");

    public RunConfig {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(length, "length");
        layers = List.copyOf(layers);
        keepBest = keepBest == null ? "" : keepBest;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        return new Builder()
                .dataset(dataset)
                .layers(layers)
                .loss(loss)
                .optimizer(optimizer)
                .learningRate(learningRate)
                .batchSize(batchSize)
                .length(length)
                .sampling(sampling)
                .seed(seed)
                .evaluateEvery(evaluateEvery)
                .checkpointEvery(checkpointEvery)
                .weightDecay(weightDecay)
                .validation(validation)
                .earlyStop(earlyStop)
                .gradient(gradient)
                .keepBest(keepBest);
    }

    /**
     * How many of {@code trainingSamples} a validation fraction holds out: n − ⌊n·(1 − fraction)⌋, rounded as
     * Keras rounds its {@code validation_split}.
     */
    public static int heldOut(int trainingSamples, double fraction) {
        return fraction == 0 ? 0 : trainingSamples - (int) Math.floor(trainingSamples * (1 - fraction));
    }

    /** This configuration with another seed: one repeat of it. */
    public RunConfig withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    /** Builds a {@link RunConfig}; what is not set takes the language's default. */
    public static final class Builder {
        private ComponentCall dataset;
        private final List<ComponentCall> layers = new ArrayList<>();
        private ComponentCall loss;
        private ComponentCall optimizer = new ComponentCall("sgd", Arguments.EMPTY);
        private double learningRate = Double.NaN;
        private int batchSize = 100;
        private TrainingLength length;
        private Sampling sampling = Sampling.SHUFFLE;
        private long seed;
        private long evaluateEvery;
        private long checkpointEvery;
        private double weightDecay;
        private double validation;
        private EarlyStop earlyStop = EarlyStop.OFF;
        private GradientMode gradient = GradientMode.BACKPROP;
        private String keepBest = "";

        private Builder() {}

        public Builder dataset(ComponentCall value) {
            dataset = value;
            return this;
        }

        public Builder layers(List<ComponentCall> value) {
            layers.clear();
            layers.addAll(value);
            return this;
        }

        public Builder layer(ComponentCall value) {
            layers.add(value);
            return this;
        }

        public Builder loss(ComponentCall value) {
            loss = value;
            return this;
        }

        public Builder optimizer(ComponentCall value) {
            optimizer = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder length(TrainingLength value) {
            length = value;
            return this;
        }

        public Builder sampling(Sampling value) {
            sampling = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder evaluateEvery(long value) {
            evaluateEvery = value;
            return this;
        }

        public Builder checkpointEvery(long value) {
            checkpointEvery = value;
            return this;
        }

        public Builder weightDecay(double value) {
            weightDecay = value;
            return this;
        }

        public Builder validation(double value) {
            validation = value;
            return this;
        }

        public Builder earlyStop(EarlyStop value) {
            earlyStop = value;
            return this;
        }

        public Builder gradient(GradientMode value) {
            gradient = value;
            return this;
        }

        public Builder keepBest(String metric) {
            keepBest = metric;
            return this;
        }

        /** @throws NullPointerException when the dataset, loss or length is missing */
        public RunConfig build() {
            return new RunConfig(
                    dataset,
                    layers,
                    loss,
                    optimizer,
                    learningRate,
                    batchSize,
                    length,
                    sampling,
                    seed,
                    evaluateEvery,
                    checkpointEvery,
                    weightDecay,
                    validation,
                    earlyStop,
                    gradient,
                    keepBest);
        }
    }
}
