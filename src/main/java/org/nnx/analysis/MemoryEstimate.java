package org.nnx.analysis;

import java.util.List;
import java.util.Locale;

/**
 * About how much memory one run takes while it trains, worked out before anything is allocated: its
 * parameters with their gradients and optimizer state, the activations each layer keeps for the largest
 * block of rows it sees (a mini-batch, or a chunk of evaluation), and the mini-batches themselves. It is an
 * estimate in float32 numbers, made to refuse what cannot fit, not to account for every object.
 *
 * @param parameterBytes  the parameters, their gradients and the optimizer's state
 * @param activationBytes what the layers keep for backward and hand to each other
 * @param batchBytes      the current and the next mini-batch, and the sampler's indices
 * @param layerBytes      each layer's share of the parameter and activation bytes, in model order
 */
record MemoryEstimate(long parameterBytes, long activationBytes, long batchBytes, long[] layerBytes) {
    /** Bytes of one float32 number. */
    static final int FLOAT_BYTES = 4;
    /** The rows nnx evaluates at once (the trainer's evaluation chunk). */
    static final int EVALUATION_ROWS = 1000;

    /**
     * One layer as the estimate sees it.
     *
     * @param inputWidth  the width it receives
     * @param outputWidth the width it hands on
     * @param parameters  its trainable numbers
     */
    record Layer(long inputWidth, long outputWidth, long parameters) {}

    /**
     * @param layers               the model, input to output
     * @param optimizerStateValues numbers of optimizer state per parameter entry
     * @param copiesOfTheNetwork   1, or more where gradient checks or numerical gradients build extra copies
     */
    static MemoryEstimate of(
            List<Layer> layers,
            int batchSize,
            long trainingSamples,
            long testSamples,
            int features,
            int classes,
            int optimizerStateValues,
            int copiesOfTheNetwork) {
        long copies = Math.max(1, copiesOfTheNetwork);
        // Forward buffers grow to the largest block of rows a layer sees; backward ones stay a batch high.
        long forwardRows = Math.max(batchSize, Math.min(EVALUATION_ROWS, Math.max(trainingSamples, testSamples)));
        long parameterBytes = 0;
        long activationBytes = 0;
        long[] layerBytes = new long[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            long parameters = times(times(layer.parameters(), FLOAT_BYTES * (2L + optimizerStateValues)), copies);
            // Its output and a cache of the same size, and the gradient it returns for its input.
            long activations = times(
                    saturatedAdd(times(forwardRows, 2 * layer.outputWidth()), times(batchSize, layer.inputWidth())),
                    FLOAT_BYTES * copies);
            parameterBytes = saturatedAdd(parameterBytes, parameters);
            activationBytes = saturatedAdd(activationBytes, activations);
            layerBytes[i] = saturatedAdd(parameters, activations);
        }
        long batchBytes = saturatedAdd(
                times(2L * batchSize, (long) FLOAT_BYTES * (features + classes)),
                times(Math.max(batchSize, trainingSamples), Integer.BYTES));
        return new MemoryEstimate(parameterBytes, activationBytes, batchBytes, layerBytes);
    }

    /** The layer that takes the most, or -1 for a model without layers. */
    int largestLayer() {
        int largest = -1;
        for (int i = 0; i < layerBytes.length; i++) {
            if (largest < 0 || layerBytes[i] > layerBytes[largest]) {
                largest = i;
            }
        }
        return largest;
    }

    long totalBytes() {
        return saturatedAdd(saturatedAdd(parameterBytes, activationBytes), batchBytes);
    }

    /** {@code 3.1 GB}, {@code 120 MB}, {@code 640 KB}. */
    static String bytes(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%d MB", Math.round(bytes / (double) (1L << 20)));
        }
        return String.format(Locale.ROOT, "%d KB", Math.max(1, Math.round(bytes / 1024.0)));
    }

    private static long times(long a, long b) {
        long product = a * b;
        // Overflow past 2^63 bytes means "far too much", which is what the check needs to say.
        return (a != 0 && (product / a != b || product < 0)) ? Long.MAX_VALUE : product;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
