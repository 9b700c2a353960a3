package org.nnx.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.spi.Freezable;
import org.nnx.spi.LayerState;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Precision;
import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/**
 * Batch normalization (Ioffe and Szegedy, 2015), feature by feature (column by column).
 *
 * <p>While training, each feature is normalized with the statistics of the batch,
 * <pre>    μ = mean(x),  σ² = mean((x − μ)²),  x̂ = (x − μ) / √(σ² + ε),  y = γ·x̂ + β</pre>
 * with the biased variance σ², and the running statistics move toward them as Keras and the book do:
 * {@code running = momentum · running + (1 − momentum) · batch}, for the mean and for σ². While evaluating,
 * {@code y = γ·(x − running_mean) / √(running_var + ε) + β}. The running statistics start at mean 0 and
 * variance 1, as in Keras and PyTorch, and are kept in double whatever the layer's precision.
 *
 * <p>{@code γ} (named {@code gamma}, starting at 1) and {@code β} ({@code beta}, starting at 0) are trainable and
 * do not decay. Backward of a training forward is the usual
 * <pre>    dβ = Σ dy,  dγ = Σ dy·x̂,  dx = (γ / √(σ² + ε)) · (dy − mean(dy) − x̂ · mean(dy·x̂))</pre>
 * (sums and means over the batch); forward caches {@code x̂} and {@code 1 / √(σ² + ε)} for it.
 * {@link #freeze Frozen}, a training forward leaves the running statistics alone.
 *
 * <p>In float32, as PyTorch computes it, every pass runs in float arithmetic on the arrays, a few loops over whole
 * rows that the JIT vectorizes: the column sums (mean, centred variance, Σdy, Σdy·x̂) added in a tree of blocks
 * of {@value #ROW_BLOCK} rows, whose rounding error stays within {@link #sumErrorBound} of the sum of the terms'
 * magnitudes, then x̂ and y, or dx, row by row. The columns' sums are cut in parts by columns and the rows by
 * rows over a run's core group, and every value is computed the same way on any part, so the bits do not depend
 * on the number of threads. Only 1 / √(σ² + ε), one a column, is taken in double and rounded. The running
 * statistics stay in double; a float training forward moves them toward its float mean and variance. The float64
 * path (a gradient check) computes everything in double, as above.
 */
public final class BatchNorm implements Freezable, LayerState {
    /** Rows a level of the column sums' tree adds before it hands its sum to the level above. */
    static final int ROW_BLOCK = 16;
    /** The most rows a float loop takes at once, so the lanes' sums are added in one more level of the tree. */
    static final int MAX_LANES = 16;

    private final int features;
    private final double momentum;
    private final double epsilon;
    private final Parameter gamma;
    private final Parameter beta;
    private final List<Parameter> parameters;
    private final double[] runningMean;
    private final double[] runningVariance;
    private final double[] mean;
    private final double[] variance;
    private final double[] inverseStd;
    private final double[] sumGradient;
    private final double[] sumGradientXHat;
    // The float32 path's statistics and backward factors, a column each.
    private final float[] floatMean;
    private final float[] floatVariance;
    private final float[] floatInverseStd;
    private final float[] gradientScale;
    private final float[] meanGradient;
    private final float[] meanGradientXHat;
    /**
     * Rows a float loop takes at once: 1 for rows of 64 values or more; for narrower rows as many as make about
     * 256 values (at most {@value #MAX_LANES}), so that the copies and loops a row costs are shared by enough values.
     * The factors a column has are then repeated {@code lanes} times ({@link #tiled}), one for each row taken.
     */
    private final int lanes;
    // The factors repeated lanes times: the arrays above themselves when lanes is 1.
    private final float[] tiledMean;
    private final float[] tiledInverseStd;
    private final float[] tiledGamma;
    private final float[] tiledBeta;
    private final float[] tiledScale;
    private final float[] tiledMeanGradient;
    private final float[] tiledMeanGradientXHat;
    private boolean frozen;

    private boolean lastTraining;
    private Tensor normalized;
    private Tensor output;
    private Tensor inputGradient;
    private final ColumnSums columnSums = new ColumnSums();
    private final NormalizeRows normalizeRows = new NormalizeRows();
    private final InputGradientRows inputGradientRows = new InputGradientRows();

    /**
     * @param features  the width of the input, one statistic per column
     * @param momentum  how much of the running statistics each training batch keeps, in [0, 1)
     * @param epsilon   added to the variance before its square root, &gt; 0
     * @param precision the precision of {@code gamma} and {@code beta}
     */
    public BatchNorm(int features, double momentum, double epsilon, Precision precision) {
        if (features <= 0) {
            throw new IllegalArgumentException("batch_norm needs a positive width: " + features);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("batch_norm momentum must be in [0, 1): " + momentum);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("batch_norm epsilon must be finite and > 0: " + epsilon);
        }
        this.features = features;
        this.momentum = momentum;
        this.epsilon = epsilon;
        Tensor ones = Tensor.zeros(precision, 1, features);
        ones.fill(1.0);
        this.gamma = Parameter.of("gamma", ones, false);
        this.beta = Parameter.of("beta", Tensor.zeros(precision, 1, features), false);
        this.parameters = List.of(gamma, beta);
        this.runningMean = new double[features];
        this.runningVariance = new double[features];
        Arrays.fill(runningVariance, 1.0);
        this.mean = new double[features];
        this.variance = new double[features];
        this.inverseStd = new double[features];
        this.sumGradient = new double[features];
        this.sumGradientXHat = new double[features];
        this.floatMean = new float[features];
        this.floatVariance = new float[features];
        this.floatInverseStd = new float[features];
        this.gradientScale = new float[features];
        this.meanGradient = new float[features];
        this.meanGradientXHat = new float[features];
        this.lanes = features >= 64 ? 1 : Math.min(MAX_LANES, (256 + features - 1) / features);
        this.tiledMean = lanes == 1 ? floatMean : new float[lanes * features];
        this.tiledInverseStd = lanes == 1 ? floatInverseStd : new float[lanes * features];
        this.tiledGamma = new float[lanes * features];
        this.tiledBeta = new float[lanes * features];
        this.tiledScale = lanes == 1 ? gradientScale : new float[lanes * features];
        this.tiledMeanGradient = lanes == 1 ? meanGradient : new float[lanes * features];
        this.tiledMeanGradientXHat = lanes == 1 ? meanGradientXHat : new float[lanes * features];
    }

    /** Repeats {@code factors} into {@code tiles} once for each lane; nothing when they are the same array. */
    private void tiled(float[] factors, float[] tiles) {
        if (tiles == factors) {
            return;
        }
        for (int k = 0; k < lanes; k++) {
            System.arraycopy(factors, 0, tiles, k * features, features);
        }
    }

    /** The scale γ, {@code 1 × features}. */
    public Parameter gamma() {
        return gamma;
    }

    /** The shift β, {@code 1 × features}. */
    public Parameter beta() {
        return beta;
    }

    /** The running mean of feature {@code j}, used while evaluating. */
    public double runningMean(int j) {
        return runningMean[j];
    }

    /** The running (biased) variance of feature {@code j}, used while evaluating. */
    public double runningVariance(int j) {
        return runningVariance[j];
    }

    /** The running statistics, {@code running_mean} and {@code running_var}, {@code 1 × features} in double. */
    @Override
    public Map<String, Tensor> state() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("running_mean", Tensor.wrap(1, features, runningMean));
        state.put("running_var", Tensor.wrap(1, features, runningVariance));
        return state;
    }

    /**
     * A bound on the rounding error of a float32 column sum over {@code rows} rows, relative to the sum of the
     * terms' magnitudes: each of the tree's levels adds at most {@value #ROW_BLOCK} terms into a float, and the
     * levels' sums are added once at the end, and narrow rows summed {@link #lanes} at a time add their lanes' sums
     * (at most {@value #MAX_LANES}) in one more level, so to first order the error is at most
     * {@code (ROW_BLOCK + 1) · (levels + 1) · 2⁻²⁴}, where {@code ROW_BLOCK^levels ≥ rows}.
     */
    static double sumErrorBound(int rows) {
        int levels = 2;
        for (long span = ROW_BLOCK; span < rows; span *= ROW_BLOCK) {
            levels++;
        }
        return (ROW_BLOCK + 1) * levels * 0x1p-24;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        if (input.cols() != features) {
            throw new IllegalArgumentException("batch_norm expects " + features + " inputs, got " + input.shape());
        }
        int rows = input.rows();
        Precision precision = input.precision();
        normalized = Tensor.reuseOrAllocate(normalized, precision, rows, features);
        output = Tensor.reuseOrAllocate(output, precision, rows, features);
        lastTraining = training;
        boolean floats = input.isFloat();
        if (training && rows > 0) {
            batchStatistics(input);
            if (!frozen) {
                for (int j = 0; j < features; j++) {
                    double batchMean = floats ? floatMean[j] : mean[j];
                    double batchVariance = floats ? floatVariance[j] : variance[j];
                    runningMean[j] = momentum * runningMean[j] + (1 - momentum) * batchMean;
                    runningVariance[j] = momentum * runningVariance[j] + (1 - momentum) * batchVariance;
                }
            }
        } else {
            for (int j = 0; j < features; j++) {
                mean[j] = runningMean[j];
                inverseStd[j] = 1.0 / Math.sqrt(runningVariance[j] + epsilon);
                floatMean[j] = (float) mean[j];
                floatInverseStd[j] = (float) inverseStd[j];
            }
        }
        if (floats) {
            tiled(floatMean, tiledMean);
            tiled(floatInverseStd, tiledInverseStd);
            tiled(gamma.value().floats(), tiledGamma);
            tiled(beta.value().floats(), tiledBeta);
            normalizeRows.x = input.floats();
            normalizeRows.xHat = normalized.floats();
            normalizeRows.y = output.floats();
            normalizeRows.loop(rows);
            return output;
        }
        for (int r = 0; r < rows; r++) {
            int row = r * features;
            for (int j = 0; j < features; j++) {
                double xHat = (input.get(row + j) - mean[j]) * inverseStd[j];
                normalized.set(row + j, xHat);
                output.set(row + j, gamma.value().get(j) * xHat + beta.value().get(j));
            }
        }
        return output;
    }

    /**
     * Fills the batch's mean, variance and 1 / √(σ² + ε): in float32, {@link #floatMean} and the others by
     * {@link ColumnSums}; else {@link #mean} and the others in double, in two passes.
     */
    private void batchStatistics(Tensor input) {
        int rows = input.rows();
        if (input.isFloat()) {
            columnSums.kind = ColumnSums.STATISTICS;
            columnSums.prepare(input.floats(), rows);
            columnSums.loop(features);
            return;
        }
        Arrays.fill(mean, 0.0);
        for (int r = 0; r < rows; r++) {
            int row = r * features;
            for (int j = 0; j < features; j++) {
                mean[j] += input.get(row + j);
            }
        }
        for (int j = 0; j < features; j++) {
            mean[j] /= rows;
        }
        // Centred second pass rather than E[x²] − μ², which cancels catastrophically for large means.
        Arrays.fill(variance, 0.0);
        for (int r = 0; r < rows; r++) {
            int row = r * features;
            for (int j = 0; j < features; j++) {
                double centred = input.get(row + j) - mean[j];
                variance[j] += centred * centred;
            }
        }
        for (int j = 0; j < features; j++) {
            variance[j] /= rows;
            inverseStd[j] = 1.0 / Math.sqrt(variance[j] + epsilon);
        }
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Activations.checkBackward(output, outputGradient);
        int rows = output.rows();
        inputGradient = Tensor.reuseOrAllocate(inputGradient, output.precision(), rows, features);
        if (output.isFloat() && outputGradient.isFloat()) {
            columnSums.kind = ColumnSums.GRADIENTS;
            columnSums.prepare(outputGradient.floats(), rows);
            columnSums.loop(features);
            tiled(gradientScale, tiledScale);
            tiled(meanGradient, tiledMeanGradient);
            tiled(meanGradientXHat, tiledMeanGradientXHat);
            inputGradientRows.dy = outputGradient.floats();
            inputGradientRows.dx = inputGradient.floats();
            inputGradientRows.loop(rows);
            return inputGradient;
        }
        if (output.isFloat()) {
            // A float forward with a gradient of another precision: the float forward's factors, in double.
            for (int j = 0; j < features; j++) {
                inverseStd[j] = floatInverseStd[j];
            }
        }
        Arrays.fill(sumGradient, 0.0);
        Arrays.fill(sumGradientXHat, 0.0);
        for (int r = 0; r < rows; r++) {
            int row = r * features;
            for (int j = 0; j < features; j++) {
                double dy = outputGradient.get(row + j);
                sumGradient[j] += dy;
                sumGradientXHat[j] += dy * normalized.get(row + j);
            }
        }
        for (int j = 0; j < features; j++) {
            beta.gradient().add(j, sumGradient[j]);
            gamma.gradient().add(j, sumGradientXHat[j]);
        }
        for (int r = 0; r < rows; r++) {
            int row = r * features;
            for (int j = 0; j < features; j++) {
                double scale = gamma.value().get(j) * inverseStd[j];
                double dy = outputGradient.get(row + j);
                if (lastTraining) {
                    // The batch's mean and variance depend on every x of the column: two correction terms.
                    double xHat = normalized.get(row + j);
                    inputGradient.set(row + j, scale * (dy - sumGradient[j] / rows - xHat * sumGradientXHat[j] / rows));
                } else {
                    // Running statistics are constants: the layer is affine per feature.
                    inputGradient.set(row + j, scale * dy);
                }
            }
        }
        return inputGradient;
    }

    @Override
    public void freeze(boolean frozen) {
        this.frozen = frozen;
    }

    /** Nothing to copy: a frozen training forward recomputes the batch statistics from its input. */
    @Override
    public void copyFrozenState(Freezable source) {
        if (!(source instanceof BatchNorm)) {
            throw new IllegalArgumentException("cannot copy batch_norm state from " + source);
        }
    }

    /**
     * Two float arrays of at least {@code length} for the calling thread, which {@link #range} calls copy rows into.
     * Why copies: Java 17's JIT vectorizes a loop only when all its arrays are indexed alike, so a row of the
     * batch ({@code x[row + j]}) and a column's factor ({@code mean[j]}) in one loop leave it scalar; a row copied
     * to the start of an array ({@link System#arraycopy}, itself vectorized) is indexed as the factors are.
     */
    private static float[][] rowCopies(int length) {
        float[][] copies = ROW_COPIES.get();
        if (copies[0].length < length) {
            copies[0] = new float[length];
            copies[1] = new float[length];
        }
        return copies;
    }

    /** Each thread's row copies, grown to the widest batch norm it has run, so a run allocates them once. */
    private static final ThreadLocal<float[][]> ROW_COPIES =
            ThreadLocal.withInitial(() -> new float[][] {new float[0], new float[0]});

    /**
     * Sums over the batch, column by column, in float32 for columns {@code [from, to)}: the batch's mean and
     * variance ({@link #STATISTICS}), or Σdy and Σdy·x̂ ({@link #GRADIENTS}). Rows are added in a tree of blocks
     * of {@value #ROW_BLOCK}: each level adds {@value #ROW_BLOCK} sums of the level below into its own, so no
     * float accumulator takes more than {@value #ROW_BLOCK} terms and a sum's rounding error stays within
     * {@link #sumErrorBound} of Σ|terms| however many rows there are, while every loop adds a row of floats,
     * which the JIT vectorizes. A column's tree depends only on the number of rows, so its bits are the same
     * whichever thread sums it and however the columns are cut in parts.
     */
    private final class ColumnSums extends SplitLoop {
        static final int STATISTICS = 0;
        static final int GRADIENTS = 1;

        int kind;
        /** The input (statistics) or the output's gradient (gradients), a row of {@link #features} at a time. */
        float[] x;

        int rows;
        /** Levels of the tree in use: the fewest with {@code ROW_BLOCK^levels} ≥ the rows' chunks of {@link #lanes}. */
        int levels;

        float[][] first = new float[0][];
        float[][] second = new float[0][];

        ColumnSums() {
            super(64);
        }

        /** Sets the rows to sum, with a tree deep enough for them: allocates only when the batch grows past it. */
        void prepare(float[] x, int rows) {
            this.x = x;
            this.rows = rows;
            int chunks = (rows + lanes - 1) / lanes;
            int needed = 1;
            for (long span = ROW_BLOCK; span < chunks; span *= ROW_BLOCK) {
                needed++;
            }
            levels = needed;
            if (first.length < needed) {
                first = new float[needed][lanes * features];
                second = new float[needed][lanes * features];
            }
        }

        @Override
        protected void range(int from, int to) {
            if (kind == STATISTICS) {
                sumRows(SUM, from, to);
                for (int j = from; j < to; j++) {
                    floatMean[j] = first[0][j] / rows;
                }
                tiled(floatMean, tiledMean);
                // Centred second pass rather than E[x²] − μ², which cancels catastrophically for large means.
                sumRows(CENTRED_SQUARES, from, to);
                for (int j = from; j < to; j++) {
                    float v = first[0][j] / rows;
                    floatVariance[j] = v;
                    floatInverseStd[j] = (float) (1.0 / Math.sqrt(v + epsilon));
                }
                return;
            }
            sumRows(GRADIENT_SUMS, from, to);
            float[] betaGradient = beta.gradient().floats();
            float[] gammaGradient = gamma.gradient().floats();
            float[] gammaValue = gamma.value().floats();
            for (int j = from; j < to; j++) {
                betaGradient[j] += first[0][j];
                gammaGradient[j] += second[0][j];
                gradientScale[j] = gammaValue[j] * floatInverseStd[j];
                meanGradient[j] = first[0][j] / rows;
                meanGradientXHat[j] = second[0][j] / rows;
            }
        }

        /**
         * Sums the rows' terms of {@code pass} into columns {@code [from, to)} of level 0 of {@link #first} (and
         * {@link #second}), {@link #lanes} rows at a time: with more than one lane the loop is not split (the rows
         * are narrower than its minimum), so {@code [from, to)} is every column and the rows taken at once lie one
         * after the other.
         */
        private void sumRows(int pass, int from, int to) {
            boolean two = pass == GRADIENT_SUMS;
            int span = lanes == 1 ? to : lanes * features;
            for (int k = 0; k < levels; k++) {
                Arrays.fill(first[k], from, span, 0f);
                if (two) {
                    Arrays.fill(second[k], from, span, 0f);
                }
            }
            float[][] copies = rowCopies(span);
            float[] values = copies[0];
            float[] xHat = copies[1];
            for (int r = 0, chunk = 1; r < rows; r += lanes, chunk++) {
                int start = r * features + from;
                int end = from + (Math.min(lanes, rows - r) - 1) * features + (to - from);
                System.arraycopy(x, start, values, from, end - from);
                if (pass == SUM) {
                    addInto(first[0], values, from, end);
                } else if (pass == CENTRED_SQUARES) {
                    addCentredSquares(values, tiledMean, first[0], from, end);
                } else {
                    System.arraycopy(normalized.floats(), start, xHat, from, end - from);
                    addGradients(values, xHat, first[0], second[0], from, end);
                }
                // A level that holds ROW_BLOCK sums hands its total to the next one up and starts again.
                int count = chunk;
                for (int k = 0; k + 1 < levels && count % ROW_BLOCK == 0; k++, count /= ROW_BLOCK) {
                    carry(first, k, from, span);
                    if (two) {
                        carry(second, k, from, span);
                    }
                }
            }
            for (int k = 1; k < levels; k++) {
                addInto(first[0], first[k], from, span);
                if (two) {
                    addInto(second[0], second[k], from, span);
                }
            }
            addLanes(first[0]);
            if (two) {
                addLanes(second[0]);
            }
        }

        /** Adds the sums of lanes 1 and up into lane 0's, lane after lane: once a pass, left scalar. */
        private void addLanes(float[] sums) {
            for (int k = 1; k < lanes; k++) {
                int lane = k * features;
                for (int j = 0; j < features; j++) {
                    sums[j] += sums[lane + j];
                }
            }
        }
    }

    private static final int SUM = 0;
    private static final int CENTRED_SQUARES = 1;
    private static final int GRADIENT_SUMS = 2;

    /** Adds level {@code k} into level {@code k + 1} and clears it. */
    private static void carry(float[][] level, int k, int from, int to) {
        addInto(level[k + 1], level[k], from, to);
        Arrays.fill(level[k], from, to, 0f);
    }

    /** {@code sum[j] += terms[j]} for {@code j} in {@code [from, to)}. */
    private static void addInto(float[] sum, float[] terms, int from, int to) {
        for (int j = from; j < to; j++) {
            sum[j] += terms[j];
        }
    }

    private static void addCentredSquares(float[] x, float[] mean, float[] sum, int from, int to) {
        for (int j = from; j < to; j++) {
            float centred = x[j] - mean[j];
            sum[j] += centred * centred;
        }
    }

    private static void addGradients(float[] dy, float[] xHat, float[] sum, float[] sumXHat, int from, int to) {
        for (int j = from; j < to; j++) {
            float g = dy[j];
            sum[j] += g;
            sumXHat[j] += g * xHat[j];
        }
    }

    /**
     * A float loop over rows {@code [from, to)}, {@link #lanes} rows at a time: each chunk of rows gets the calling
     * thread's two {@link #rowCopies} to work in.
     */
    private abstract class RowChunks extends SplitLoop {
        RowChunks() {
            super(16);
        }

        @Override
        protected final void range(int from, int to) {
            float[][] copies = rowCopies(lanes * features);
            for (int r = from; r < to; r += lanes) {
                chunk(r * features, Math.min(lanes, to - r) * features, copies[0], copies[1]);
            }
        }

        /** Computes the {@code n} values from {@code start} on, in {@code first} and {@code second}. */
        abstract void chunk(int start, int n, float[] first, float[] second);
    }

    /** x̂ and {@code y = γ·x̂ + β} of rows {@code [from, to)}, in float32. */
    private final class NormalizeRows extends RowChunks {
        float[] x;
        float[] xHat;
        float[] y;

        @Override
        void chunk(int start, int n, float[] row, float[] out) {
            System.arraycopy(x, start, row, 0, n);
            normalize(row, out, tiledMean, tiledInverseStd, tiledGamma, tiledBeta, n);
            System.arraycopy(row, 0, xHat, start, n);
            System.arraycopy(out, 0, y, start, n);
        }
    }

    /** Replaces rows' {@code n} values by their x̂ and writes {@code γ·x̂ + β} into {@code y}. */
    private static void normalize(
            float[] x, float[] y, float[] mean, float[] inverseStd, float[] gamma, float[] beta, int n) {
        for (int j = 0; j < n; j++) {
            float h = (x[j] - mean[j]) * inverseStd[j];
            x[j] = h;
            y[j] = gamma[j] * h + beta[j];
        }
    }

    /** dx of rows {@code [from, to)} in float32, from the per-column factors {@link ColumnSums} left. */
    private final class InputGradientRows extends RowChunks {
        float[] dy;
        float[] dx;

        @Override
        void chunk(int start, int n, float[] row, float[] xHat) {
            System.arraycopy(dy, start, row, 0, n);
            if (lastTraining) {
                System.arraycopy(normalized.floats(), start, xHat, 0, n);
                trainingGradient(row, xHat, tiledScale, tiledMeanGradient, tiledMeanGradientXHat, n);
            } else {
                scale(row, tiledScale, n);
            }
            System.arraycopy(row, 0, dx, start, n);
        }
    }

    /**
     * Replaces a row of dy by dx: the batch's mean and variance depend on every x of the column, hence two
     * correction terms.
     */
    private static void trainingGradient(
            float[] dy, float[] xHat, float[] scale, float[] meanDy, float[] meanDyXHat, int n) {
        for (int j = 0; j < n; j++) {
            dy[j] = scale[j] * (dy[j] - meanDy[j] - xHat[j] * meanDyXHat[j]);
        }
    }

    /** Replaces a row of dy by dx while evaluating: running statistics are constants, the layer is affine. */
    private static void scale(float[] dy, float[] scale, int n) {
        for (int j = 0; j < n; j++) {
            dy[j] = scale[j] * dy[j];
        }
    }
}
