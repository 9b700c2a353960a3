package org.nnx.nn;

import java.util.Arrays;
import java.util.List;
import org.nnx.spi.Freezable;
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
 * <p>In float32 the same arithmetic runs on the arrays, in double and rounded once a value, so the bits are those
 * of the float64 path's order: the sums over the batch column by column (each column row after row, the columns
 * in parts over a run's core group), then the rows in parts.
 */
public final class BatchNorm implements Freezable {
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
    private boolean frozen;

    private boolean lastTraining;
    private Tensor normalized;
    private Tensor output;
    private Tensor inputGradient;
    private final ColumnStatistics columnStatistics = new ColumnStatistics();
    private final NormalizeRows normalizeRows = new NormalizeRows();
    private final GradientSums gradientSums = new GradientSums();
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
        if (training && rows > 0) {
            batchStatistics(input);
            if (!frozen) {
                for (int j = 0; j < features; j++) {
                    runningMean[j] = momentum * runningMean[j] + (1 - momentum) * mean[j];
                    runningVariance[j] = momentum * runningVariance[j] + (1 - momentum) * variance[j];
                }
            }
        } else {
            for (int j = 0; j < features; j++) {
                mean[j] = runningMean[j];
                inverseStd[j] = 1.0 / Math.sqrt(runningVariance[j] + epsilon);
            }
        }
        if (input.isFloat()) {
            normalizeRows.x = input.floats();
            normalizeRows.xHat = normalized.floats();
            normalizeRows.y = output.floats();
            normalizeRows.gamma = gamma.value().floats();
            normalizeRows.beta = beta.value().floats();
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

    /** Fills {@link #mean}, {@link #variance} and {@link #inverseStd} from the batch, in double, in two passes. */
    private void batchStatistics(Tensor input) {
        int rows = input.rows();
        if (input.isFloat()) {
            columnStatistics.x = input.floats();
            columnStatistics.rows = rows;
            columnStatistics.loop(features);
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
            gradientSums.dy = outputGradient.floats();
            gradientSums.rows = rows;
            gradientSums.loop(features);
            inputGradientRows.dy = outputGradient.floats();
            inputGradientRows.dx = inputGradient.floats();
            inputGradientRows.gamma = gamma.value().floats();
            inputGradientRows.rows = rows;
            inputGradientRows.loop(rows);
            return inputGradient;
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

    /** Mean, variance and 1 / √(σ² + ε) of columns {@code [from, to)}, each column summed row after row. */
    private final class ColumnStatistics extends SplitLoop {
        float[] x;
        int rows;

        ColumnStatistics() {
            super(64);
        }

        @Override
        protected void range(int from, int to) {
            Arrays.fill(mean, from, to, 0.0);
            for (int r = 0; r < rows; r++) {
                int row = r * features;
                for (int j = from; j < to; j++) {
                    mean[j] += x[row + j];
                }
            }
            for (int j = from; j < to; j++) {
                mean[j] /= rows;
            }
            // Centred second pass rather than E[x²] − μ², which cancels catastrophically for large means.
            Arrays.fill(variance, from, to, 0.0);
            for (int r = 0; r < rows; r++) {
                int row = r * features;
                for (int j = from; j < to; j++) {
                    double centred = x[row + j] - mean[j];
                    variance[j] += centred * centred;
                }
            }
            for (int j = from; j < to; j++) {
                variance[j] /= rows;
                inverseStd[j] = 1.0 / Math.sqrt(variance[j] + epsilon);
            }
        }
    }

    /** x̂ and {@code y = γ·x̂ + β} of rows {@code [from, to)}. */
    private final class NormalizeRows extends SplitLoop {
        float[] x;
        float[] xHat;
        float[] y;
        float[] gamma;
        float[] beta;

        NormalizeRows() {
            super(16);
        }

        @Override
        protected void range(int from, int to) {
            for (int r = from; r < to; r++) {
                int row = r * features;
                for (int j = 0; j < features; j++) {
                    double normalizedValue = (x[row + j] - mean[j]) * inverseStd[j];
                    xHat[row + j] = (float) normalizedValue;
                    y[row + j] = (float) (gamma[j] * normalizedValue + beta[j]);
                }
            }
        }
    }

    /** Σdy and Σdy·x̂ of columns {@code [from, to)}, added into β's and γ's gradients. */
    private final class GradientSums extends SplitLoop {
        float[] dy;
        int rows;

        GradientSums() {
            super(64);
        }

        @Override
        protected void range(int from, int to) {
            float[] xHat = normalized.floats();
            Arrays.fill(sumGradient, from, to, 0.0);
            Arrays.fill(sumGradientXHat, from, to, 0.0);
            for (int r = 0; r < rows; r++) {
                int row = r * features;
                for (int j = from; j < to; j++) {
                    double g = dy[row + j];
                    sumGradient[j] += g;
                    sumGradientXHat[j] += g * xHat[row + j];
                }
            }
            float[] betaGradient = beta.gradient().floats();
            float[] gammaGradient = gamma.gradient().floats();
            for (int j = from; j < to; j++) {
                betaGradient[j] += (float) sumGradient[j];
                gammaGradient[j] += (float) sumGradientXHat[j];
            }
        }
    }

    /** dx of rows {@code [from, to)}, from the sums {@link GradientSums} left. */
    private final class InputGradientRows extends SplitLoop {
        float[] dy;
        float[] dx;
        float[] gamma;
        int rows;

        InputGradientRows() {
            super(16);
        }

        @Override
        protected void range(int from, int to) {
            float[] xHat = normalized.floats();
            for (int r = from; r < to; r++) {
                int row = r * features;
                for (int j = 0; j < features; j++) {
                    double scale = gamma[j] * inverseStd[j];
                    double g = dy[row + j];
                    if (lastTraining) {
                        // The batch's mean and variance depend on every x of the column: two correction terms.
                        double normalizedValue = xHat[row + j];
                        dx[row + j] = (float)
                                (scale * (g - sumGradient[j] / rows - normalizedValue * sumGradientXHat[j] / rows));
                    } else {
                        // Running statistics are constants: the layer is affine per feature.
                        dx[row + j] = (float) (scale * g);
                    }
                }
            }
        }
    }
}
