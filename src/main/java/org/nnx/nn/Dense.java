package org.nnx.nn;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nnx.spi.DescendsInBackward;
import org.nnx.spi.Initializer;
import org.nnx.spi.Parameter;
import org.nnx.spi.SkipsInputGradient;
import org.nnx.tensor.MatMul;
import org.nnx.tensor.Precision;
import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/**
 * A fully connected (affine) layer: {@code y = x·W + b} on a batch {@code x} of one sample a row.
 *
 * <p>{@code W} is {@code inputSize × outputSize} and decays; {@code b} is {@code 1 × outputSize}, starts at
 * zero and does not decay. Backward adds {@code xᵀ·dy} into {@code dW} and the column sums of {@code dy}
 * into {@code db}, and returns {@code dy·Wᵀ}. Forward keeps a reference to its input (not a copy) for
 * backward, so the input must stay unchanged until then, as it does in a training step.
 */
public final class Dense implements DescendsInBackward, SkipsInputGradient {
    private final int inputSize;
    private final int outputSize;
    private final Parameter weights;
    private final Parameter bias;
    private final List<Parameter> parameters;

    private Tensor input;
    private Tensor output;
    private Tensor inputGradient;

    private boolean inputGradientNeeded = true;
    /** Set by {@link #descendInBackward}: the learning rate backward steps by, instead of adding gradients. */
    private float descentRate = Float.NaN;
    /** Σdy of the batch, for the bias's step when backward descends. */
    private Tensor biasStep;

    private final ColumnSums columnSums = new ColumnSums();

    /**
     * @param bias      whether the layer has a bias {@code b}
     * @param init      fills {@code W}, with fan-in {@code inputSize} and fan-out {@code outputSize}
     * @param precision the precision of the parameters, and so of the inputs this layer accepts
     */
    public Dense(
            int inputSize,
            int outputSize,
            boolean bias,
            Initializer init,
            Precision precision,
            RandomGenerator random) {
        if (inputSize <= 0 || outputSize <= 0) {
            throw new IllegalArgumentException("dense sizes must be positive: " + inputSize + "→" + outputSize);
        }
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        WeightsAndBias made = WeightsAndBias.create(
                precision, inputSize, outputSize, bias ? outputSize : 0, init, inputSize, outputSize, random);
        this.weights = made.weights();
        this.bias = made.bias();
        this.parameters = made.parameters();
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return outputSize;
    }

    /** The weight matrix {@code W}. */
    public Parameter weights() {
        return weights;
    }

    /** The bias {@code b}, or null when the layer was built without one. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        Objects.requireNonNull(input, "input");
        if (input.cols() != inputSize) {
            throw new IllegalArgumentException("dense layer expects " + inputSize + " inputs, got " + input.shape());
        }
        Precision precision = weights.value().precision();
        if (input.precision() != precision) {
            throw new IllegalArgumentException("a " + precision + " dense layer got a " + input.precision() + " input");
        }
        this.input = input;
        output = Tensor.reuseOrAllocate(output, precision, input.rows(), outputSize);
        if (bias != null) {
            // Start every row at b, then add x·W on top of it in the same pass over the output.
            fillRows(output, bias.value());
            MatMul.gemm(input, false, weights.value(), false, output, 1.0);
        } else {
            MatMul.gemm(input, false, weights.value(), false, output, 0.0);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        if (input == null) {
            throw new IllegalStateException("backward before forward");
        }
        if (outputGradient.rows() != input.rows() || outputGradient.cols() != outputSize) {
            throw new IllegalArgumentException(
                    "output gradient " + outputGradient.shape() + " for output " + input.rows() + "×" + outputSize);
        }
        if (outputGradient.isFloat() && isZero(outputGradient.floats(), outputGradient.size())) {
            return zeroInputGradient();
        }
        if (!Float.isNaN(descentRate) && outputGradient.isFloat()) {
            return backwardAndDescend(outputGradient);
        }
        MatMul.gemm(input, true, outputGradient, false, weights.gradient(), 1.0);
        if (bias != null) {
            addColumnSums(outputGradient, bias.gradient());
        }
        if (!inputGradientNeeded) {
            return null;
        }
        inputGradient = Tensor.reuseOrAllocate(inputGradient, input.precision(), input.rows(), inputSize);
        MatMul.gemm(outputGradient, false, weights.value(), true, inputGradient, 0.0);
        return inputGradient;
    }

    /**
     * Backward of an output gradient that is zero everywhere, as a {@code step} layer passes down: {@code xᵀ·dy},
     * {@code Σdy} and {@code dy·Wᵀ} are all zero, so the gradients (or the step taken in backward) stay as they are
     * and the products are skipped, as PyTorch does not compute gradients nothing depends on. Only the sign of a
     * zero weight or gradient can differ from the products' (and a non-finite input's NaN does not spread).
     */
    private Tensor zeroInputGradient() {
        if (!inputGradientNeeded) {
            return null;
        }
        inputGradient = Tensor.reuseOrAllocate(inputGradient, input.precision(), input.rows(), inputSize);
        inputGradient.fill(0.0);
        return inputGradient;
    }

    /** Values a pass of {@link #isZero} looks at before it stops at a non-zero one. */
    private static final int ZERO_CHECK_CHUNK = 256;

    /**
     * Whether {@code values[0, n)} are all ±0: the magnitudes' bits OR-ed together, a chunk at a time (a loop the
     * JIT vectorizes), so that a gradient that is not zero is usually told after its first chunk.
     */
    static boolean isZero(float[] values, int n) {
        for (int start = 0; start < n; start += ZERO_CHECK_CHUNK) {
            int end = Math.min(n, start + ZERO_CHECK_CHUNK);
            int bits = 0;
            for (int i = start; i < end; i++) {
                bits |= Float.floatToRawIntBits(values[i]);
            }
            if ((bits & 0x7FFFFFFF) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Plain SGD done in backward ({@link #descendInBackward}): {@code W ← W − η·xᵀ·dy} in the product itself and
     * {@code b ← b − η·Σdy}, after {@code dy·Wᵀ} has been taken with the weights the forward used.
     */
    private Tensor backwardAndDescend(Tensor outputGradient) {
        Tensor result = null;
        if (inputGradientNeeded) {
            inputGradient = Tensor.reuseOrAllocate(inputGradient, input.precision(), input.rows(), inputSize);
            MatMul.gemm(outputGradient, false, weights.value(), true, inputGradient, 0.0);
            result = inputGradient;
        }
        MatMul.gemm(input, true, outputGradient, false, weights.value(), -descentRate, 1.0);
        if (bias != null) {
            // Summed first, then stepped, as the optimizer would: the same bits as db and b −= η·db.
            biasStep.fill(0);
            addColumnSums(outputGradient, biasStep);
            float[] b = bias.value().floats();
            float[] step = biasStep.floats();
            for (int j = 0; j < outputSize; j++) {
                b[j] -= descentRate * step[j];
            }
        }
        return result;
    }

    /** Only float parameters: the step is taken in the float product itself. */
    @Override
    public boolean canDescendInBackward() {
        return weights.value().isFloat();
    }

    /**
     * From now on, backward takes a plain SGD step with {@code learningRate} instead of adding into the gradients,
     * which it leaves alone. The weights then differ from the separate step's in the last bits, as the product
     * rounds {@code W − η·xᵀ·dy} in one go.
     */
    @Override
    public void descendInBackward(double learningRate) {
        descentRate = (float) learningRate;
        biasStep = bias == null ? null : Tensor.zeros(Precision.FLOAT32, 1, outputSize);
    }

    /** From now on, {@link #backward} skips the product {@code dy·Wᵀ} and returns null. */
    @Override
    public void skipInputGradient() {
        inputGradientNeeded = false;
    }

    /** Copies the single row {@code row} into every row of {@code target}. */
    private static void fillRows(Tensor target, Tensor row) {
        int cols = target.cols();
        for (int r = 0; r < target.rows(); r++) {
            if (target.isFloat()) {
                System.arraycopy(row.floats(), 0, target.floats(), r * cols, cols);
            } else {
                System.arraycopy(row.doubles(), 0, target.doubles(), r * cols, cols);
            }
        }
    }

    /** {@code sums[j] += Σ_r gradient[r][j]}. */
    private void addColumnSums(Tensor gradient, Tensor sums) {
        int cols = gradient.cols();
        if (gradient.isFloat() && sums.isFloat()) {
            columnSums.g = gradient.floats();
            columnSums.total = sums.floats();
            columnSums.rows = gradient.rows();
            columnSums.cols = cols;
            columnSums.loop(cols);
            return;
        }
        for (int r = 0; r < gradient.rows(); r++) {
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                sums.add(j, gradient.get(row + j));
            }
        }
    }

    /**
     * {@code total[j] += Σ_r g[r][j]} for float rows, over the run's two cores by columns. Each column is still
     * summed row after row from {@code total[j]}, so the bits are those of adding one row at a time on one core.
     */
    private static final class ColumnSums extends SplitLoop {
        /** Fewer columns than this are summed on one core: a narrow layer's sums cost less than the hand-off. */
        private static final int MIN_SPLIT_COLUMNS = 64;

        float[] g;
        float[] total;
        int rows;
        int cols;

        ColumnSums() {
            super(MIN_SPLIT_COLUMNS);
        }

        @Override
        protected void range(int from, int to) {
            int r = 0;
            for (; r + 4 <= rows; r += 4) {
                addFourRows(g, r * cols, cols, total, from, to);
            }
            for (; r < rows; r++) {
                addRow(g, r * cols, total, from, to);
            }
        }

        /**
         * Adds the four rows from {@code row} on, {@code cols} apart, into columns {@code [from, to)} of
         * {@code total}, one after the other. The JIT leaves these sums scalar, so a column's running sum is kept
         * in a register for four rows instead of being stored after each. A method of its own, called many times
         * a step, so that it is compiled early (see {@code SplitLoop.blocks}).
         */
        private static void addFourRows(float[] g, int row, int cols, float[] total, int from, int to) {
            int row1 = row + cols;
            int row2 = row1 + cols;
            int row3 = row2 + cols;
            for (int j = from; j < to; j++) {
                float sum = total[j];
                sum += g[row + j];
                sum += g[row1 + j];
                sum += g[row2 + j];
                sum += g[row3 + j];
                total[j] = sum;
            }
        }

        private static void addRow(float[] g, int row, float[] total, int from, int to) {
            for (int j = from; j < to; j++) {
                total[j] += g[row + j];
            }
        }
    }
}
