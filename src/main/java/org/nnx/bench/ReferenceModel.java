package org.nnx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nnx.spi.ComponentCall;
import org.nnx.model.RunConfig;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.model.TrainingLength;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;

/**
 * The two networks the peer trainers of {@code shared/bench} train, as nnx run plans: the same layers,
 * initial weights, loss, optimizer, learning rate and batch size, with shuffled epochs.
 */
public enum ReferenceModel {
    /** 784-50-10, sigmoid, W ~ N(0, 0.01²), SGD 0.1, batch 100: the book's two-layer net. */
    SMALL("small", "784-50-10 sigmoid, N(0, 0.01²), SGD 0.1, batch 100", 0.1, 100, 5,
            new ComponentCall("gaussian", Arguments.of("std", 0.01)), "sigmoid", 50),
    /** 784-512-256-10, ReLU, He initial weights, SGD 0.05, batch 128. */
    BIG("big", "784-512-256-10 ReLU, He, SGD 0.05, batch 128", 0.05, 128, 3,
            new ComponentCall("he", Arguments.EMPTY), "relu", 512, 256);

    private static final int CLASSES = 10;

    private final String label;
    private final String description;
    private final double learningRate;
    private final int batchSize;
    private final int defaultEpochs;
    private final ComponentCall init;
    private final String activation;
    private final int[] hidden;

    ReferenceModel(String label, String description, double learningRate, int batchSize, int defaultEpochs,
                   ComponentCall init, String activation, int... hidden) {
        this.label = label;
        this.description = description;
        this.learningRate = learningRate;
        this.batchSize = batchSize;
        this.defaultEpochs = defaultEpochs;
        this.init = init;
        this.activation = activation;
        this.hidden = hidden;
    }

    /** {@code small} or {@code big}, as the peers' {@code --model} names it. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public double learningRate() {
        return learningRate;
    }

    public int batchSize() {
        return batchSize;
    }

    /** The epochs shared/bench's README measures the peers with: 5 for small, 3 for big. */
    public int defaultEpochs() {
        return defaultEpochs;
    }

    /** The model by its label. */
    public static ReferenceModel of(String label) {
        for (ReferenceModel model : values()) {
            if (model.label.equals(label.toLowerCase(Locale.ROOT))) {
                return model;
            }
        }
        throw new IllegalArgumentException("no reference model '" + label + "'; use small or big");
    }

    /** Dense layers with the activation between them and none after the last (the loss applies softmax). */
    List<ComponentCall> layers() {
        List<ComponentCall> layers = new ArrayList<>();
        for (int units : hidden) {
            layers.add(dense(units));
            layers.add(new ComponentCall(activation, Arguments.EMPTY));
        }
        layers.add(dense(CLASSES));
        return layers;
    }

    private ComponentCall dense(int units) {
        return new ComponentCall("dense", Arguments.of("units", (long) units, "init", init, "bias", true));
    }

    /**
     * A run of this model for the given epochs, evaluated once, at the end, so that evaluation adds no wall
     * time between epochs (it never counts in samples/s).
     *
     * @param trainSize the training samples, to know the iterations of the run
     */
    public RunPlan plan(int epochs, long seed, int trainSize) {
        long iterations = TrainingLength.epochs(epochs).iterations(trainSize, batchSize);
        RunConfig config = RunConfig.builder()
                .dataset(new ComponentCall("fashion_mnist", Arguments.EMPTY))
                .layers(layers())
                .loss(new ComponentCall("cross_entropy", Arguments.EMPTY))
                .learningRate(learningRate)
                .batchSize(batchSize)
                .length(TrainingLength.epochs(epochs))
                .seed(seed)
                .evaluateEvery(iterations)
                .build();
        return new RunPlan(label, SweptValues.NONE, config);
    }
}
