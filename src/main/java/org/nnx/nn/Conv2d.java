package org.nnx.nn;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nnx.spi.Initializer;
import org.nnx.spi.Parameter;
import org.nnx.spi.SkipsInputGradient;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * A 2-D convolution (cross-correlation, as in every framework) of {@code filters} filters over images of
 * {@code channels × height × width}, one image a row of the batch, channel after channel, each row by row.
 *
 * <p>Weight layout, which is also what a saved model stores: {@code W} is {@code filters × (channels · kh · kw)},
 * a filter a row, its weights channel by channel and each {@code kh × kw} window row by row: PyTorch's
 * {@code [out, in, kh, kw]} flattened. {@code b} is {@code 1 × filters}. The output of a sample is
 * {@code filters × outHeight × outWidth}, filter after filter.
 *
 * <p>Forward gathers the batch's patches into one matrix (im2col, {@link PatchIndex}) and multiplies it by
 * {@code W} on the BLAS; backward takes {@code dW} and the patches' gradient as two more products and adds the
 * latter back into the input's gradient (col2im). A batch whose patch matrix would pass {@link #MAX_PATCH_VALUES}
 * is done in chunks of samples; then backward gathers each chunk again instead of keeping every chunk's patches.
 * Work arrays are sized for the first batch and reused, so training allocates nothing after its first step.
 */
public final class Conv2d implements SkipsInputGradient {
    /** The largest patch matrix kept, in values: 8 Mi, 32 MiB in float32 (a two-conv net's batch of 100 fits). */
    static final int MAX_PATCH_VALUES = 1 << 23;

    private final int channels;
    private final int height;
    private final int width;
    private final int filters;
    private final Window window;
    private final PatchIndex patches;
    private final int outHeight;
    private final int outWidth;
    private final Parameter weights;
    private final Parameter bias;
    private final List<Parameter> parameters;

    private Tensor input;
    private Tensor output;
    private Tensor inputGradient;
    /** Patches of the last forward's chunk, {@code K × (samples · P)}. */
    private Tensor col;
    /** {@code W · col}, filter by filter, {@code F × (samples · P)}; then the output gradient in that layout. */
    private Tensor product;
    /** The patches' gradient {@code Wᵀ · dy}, {@code K × (samples · P)}. */
    private Tensor colGradient;
    /** The first sample of the chunk whose patches {@link #col} holds, and the one after its last. */
    private int colFrom;

    private int colTo;
    private boolean inputGradientNeeded = true;

    /**
     * @param init fills {@code W}, with fan-in {@code channels · kh · kw} and fan-out {@code filters · kh · kw}
     */
    public Conv2d(
            int channels,
            int height,
            int width,
            int filters,
            Window window,
            boolean bias,
            Initializer init,
            Precision precision,
            RandomGenerator random) {
        if (channels <= 0 || height <= 0 || width <= 0 || filters <= 0) {
            throw new IllegalArgumentException("conv2d sizes must be positive");
        }
        window.checkFits("filter", height, width);
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.filters = filters;
        this.window = window;
        this.patches = new PatchIndex(channels, height, width, window);
        this.outHeight = window.outputHeight(height);
        this.outWidth = window.outputWidth(width);
        int area = window.height() * window.width();
        WeightsAndBias made = WeightsAndBias.create(
                precision, filters, channels * area, bias ? filters : 0, init, channels * area, filters * area, random);
        this.weights = made.weights();
        this.bias = made.bias();
        this.parameters = made.parameters();
    }

    public Parameter weights() {
        return weights;
    }

    /** The bias, or null without one. */
    public Parameter bias() {
        return bias;
    }

    public Window window() {
        return window;
    }

    /** The number of input channels. */
    public int channels() {
        return channels;
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Output features of one sample: {@code filters × outHeight × outWidth}. */
    public int outputSize() {
        return filters * outHeight * outWidth;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        Objects.requireNonNull(input, "input");
        Pooling.checkInput("conv2d", input, channels, height, width);
        Precision precision = weights.value().precision();
        if (input.precision() != precision) {
            throw new IllegalArgumentException("a " + precision + " conv2d got a " + input.precision() + " input");
        }
        this.input = input;
        int samples = input.rows();
        output = Tensor.reuseOrAllocate(output, precision, samples, outputSize());
        int chunk = chunk(samples);
        ensureWork(precision, chunk);
        for (int from = 0; from < samples; from += chunk) {
            int to = Math.min(samples, from + chunk);
            gather(from, to);
            int n = (to - from) * patches.positions();
            ArrayGemm.gemm(false, false, filters, n, patches.rows(), weights.value(), col, 0.0, product);
            scatterOutput(from, to);
        }
        return output;
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        if (input == null) {
            throw new IllegalStateException("backward before forward");
        }
        int samples = input.rows();
        Pooling.checkGradient(outputGradient, samples, outputSize());
        Precision precision = input.precision();
        if (inputGradientNeeded) {
            inputGradient = Tensor.reuseOrAllocate(inputGradient, precision, samples, input.cols());
            inputGradient.fill(0);
        }
        int chunk = chunk(samples);
        int k = patches.rows();
        for (int from = 0; from < samples; from += chunk) {
            int to = Math.min(samples, from + chunk);
            if (colFrom != from || colTo != to) {
                gather(from, to);
            }
            int n = (to - from) * patches.positions();
            gatherOutputGradient(outputGradient, from, to);
            ArrayGemm.gemm(false, true, filters, k, n, product, col, 1.0, weights.gradient());
            if (bias != null) {
                addFilterSums(n);
            }
            if (inputGradientNeeded) {
                ArrayGemm.gemm(true, false, k, n, filters, weights.value(), product, 0.0, colGradient);
                if (precision == Precision.FLOAT32) {
                    patches.scatterAdd(colGradient.floats(), from, to, inputGradient.floats(), input.cols());
                } else {
                    patches.scatterAdd(colGradient.doubles(), from, to, inputGradient.doubles(), input.cols());
                }
            }
        }
        return inputGradientNeeded ? inputGradient : null;
    }

    @Override
    public void skipInputGradient() {
        inputGradientNeeded = false;
    }

    /** Samples per chunk: as many as keep the patch matrix within {@link #MAX_PATCH_VALUES}, at least one. */
    private int chunk(int samples) {
        long perSample = (long) patches.rows() * patches.positions();
        return (int) Math.max(1, Math.min(samples, MAX_PATCH_VALUES / perSample));
    }

    private void ensureWork(Precision precision, int chunk) {
        int n = chunk * patches.positions();
        if (col == null || col.precision() != precision || col.cols() < n) {
            col = Tensor.zeros(precision, patches.rows(), n);
            product = Tensor.zeros(precision, filters, n);
            colGradient = inputGradientNeeded ? Tensor.zeros(precision, patches.rows(), n) : null;
        }
    }

    private void gather(int from, int to) {
        if (input.isFloat()) {
            patches.gather(input.floats(), input.cols(), from, to, col.floats());
        } else {
            patches.gather(input.doubles(), input.cols(), from, to, col.doubles());
        }
        colFrom = from;
        colTo = to;
    }

    /** Moves {@code product} (filter by filter, sample after sample) into the output's rows, adding the bias. */
    private void scatterOutput(int from, int to) {
        int positions = patches.positions();
        int n = (to - from) * positions;
        int outCols = output.cols();
        for (int f = 0; f < filters; f++) {
            double b = bias == null ? 0.0 : bias.value().get(f);
            for (int s = from; s < to; s++) {
                int source = f * n + (s - from) * positions;
                int target = s * outCols + f * positions;
                if (output.isFloat()) {
                    float[] y = output.floats();
                    float[] z = product.floats();
                    float fb = (float) b;
                    for (int p = 0; p < positions; p++) {
                        y[target + p] = z[source + p] + fb;
                    }
                } else {
                    double[] y = output.doubles();
                    double[] z = product.doubles();
                    for (int p = 0; p < positions; p++) {
                        y[target + p] = z[source + p] + b;
                    }
                }
            }
        }
    }

    /** The output gradient of samples {@code [from, to)} into {@code product}'s layout, filter by filter. */
    private void gatherOutputGradient(Tensor outputGradient, int from, int to) {
        int positions = patches.positions();
        int n = (to - from) * positions;
        int outCols = outputGradient.cols();
        for (int f = 0; f < filters; f++) {
            for (int s = from; s < to; s++) {
                int target = f * n + (s - from) * positions;
                int source = s * outCols + f * positions;
                if (outputGradient.isFloat()) {
                    System.arraycopy(outputGradient.floats(), source, product.floats(), target, positions);
                } else {
                    System.arraycopy(outputGradient.doubles(), source, product.doubles(), target, positions);
                }
            }
        }
    }

    /** {@code db[f] += Σ dy} over the chunk, from the output gradient as laid out in {@code product}. */
    private void addFilterSums(int n) {
        Tensor db = bias.gradient();
        for (int f = 0; f < filters; f++) {
            double sum = 0;
            if (product.isFloat()) {
                float[] g = product.floats();
                float s = 0f;
                for (int i = f * n; i < (f + 1) * n; i++) {
                    s += g[i];
                }
                sum = s;
            } else {
                double[] g = product.doubles();
                for (int i = f * n; i < (f + 1) * n; i++) {
                    sum += g[i];
                }
            }
            db.add(f, sum);
        }
    }
}
