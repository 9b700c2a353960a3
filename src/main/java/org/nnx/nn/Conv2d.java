package org.nnx.nn;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.nnx.spi.ImageFilters;
import org.nnx.spi.Initializer;
import org.nnx.spi.Parameter;
import org.nnx.spi.SkipsInputGradient;
import org.nnx.tensor.Precision;
import org.nnx.tensor.SplitLoop;
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
public final class Conv2d implements SkipsInputGradient, ImageFilters {
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

    private final GatherLoop gatherLoop;
    private final OutputLoop outputLoop;
    private final OutputGradientLoop outputGradientLoop;
    private final ScatterLoop scatterLoop;
    private final FilterSumLoop filterSumLoop;

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
        // Each loop's unit is a row of a few hundred values; split from about SplitLoop.CHEAP_ELEMENTS values on.
        int unitsPerSplit = Math.max(2, SplitLoop.CHEAP_ELEMENTS / patches.positions());
        this.gatherLoop = new GatherLoop(unitsPerSplit);
        this.outputLoop = new OutputLoop(unitsPerSplit);
        this.outputGradientLoop = new OutputGradientLoop(unitsPerSplit);
        this.scatterLoop = new ScatterLoop(Math.max(2, unitsPerSplit / Math.max(1, patches.rows())));
        this.filterSumLoop = new FilterSumLoop();
    }

    @Override
    public Parameter weights() {
        return weights;
    }

    @Override
    public int filterHeight() {
        return window.height();
    }

    @Override
    public int filterWidth() {
        return window.width();
    }

    /** The bias, or null without one. */
    public Parameter bias() {
        return bias;
    }

    public Window window() {
        return window;
    }

    /** The number of input channels. */
    @Override
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
                    scatterLoop.from = from;
                    scatterLoop.to = to;
                    scatterLoop.loop(to - from);
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
            gatherLoop.from = from;
            gatherLoop.to = to;
            gatherLoop.loop(patches.rows() * (to - from));
        } else {
            patches.gather(input.doubles(), input.cols(), from, to, col.doubles());
        }
        colFrom = from;
        colTo = to;
    }

    /** Moves {@code product} (filter by filter, sample after sample) into the output's rows, adding the bias. */
    private void scatterOutput(int from, int to) {
        if (output.isFloat()) {
            outputLoop.from = from;
            outputLoop.to = to;
            outputLoop.loop(filters * (to - from));
            return;
        }
        int positions = patches.positions();
        int n = (to - from) * positions;
        int outCols = output.cols();
        double[] y = output.doubles();
        double[] z = product.doubles();
        for (int f = 0; f < filters; f++) {
            double b = bias == null ? 0.0 : bias.value().get(f);
            for (int s = from; s < to; s++) {
                int source = f * n + (s - from) * positions;
                int target = s * outCols + f * positions;
                for (int p = 0; p < positions; p++) {
                    y[target + p] = z[source + p] + b;
                }
            }
        }
    }

    /** The output gradient of samples {@code [from, to)} into {@code product}'s layout, filter by filter. */
    private void gatherOutputGradient(Tensor outputGradient, int from, int to) {
        if (outputGradient.isFloat()) {
            outputGradientLoop.dy = outputGradient.floats();
            outputGradientLoop.from = from;
            outputGradientLoop.to = to;
            outputGradientLoop.loop(filters * (to - from));
            return;
        }
        int positions = patches.positions();
        int n = (to - from) * positions;
        int outCols = outputGradient.cols();
        for (int f = 0; f < filters; f++) {
            for (int s = from; s < to; s++) {
                System.arraycopy(
                        outputGradient.doubles(),
                        s * outCols + f * positions,
                        product.doubles(),
                        f * n + (s - from) * positions,
                        positions);
            }
        }
    }

    /** {@code db[f] += Σ dy} over the chunk, from the output gradient as laid out in {@code product}. */
    private void addFilterSums(int n) {
        if (product.isFloat()) {
            filterSumLoop.n = n;
            filterSumLoop.loop(filters);
            return;
        }
        Tensor db = bias.gradient();
        double[] g = product.doubles();
        for (int f = 0; f < filters; f++) {
            double sum = 0;
            for (int i = f * n; i < (f + 1) * n; i++) {
                sum += g[i];
            }
            db.add(f, sum);
        }
    }

    /** im2col in parts: a unit is one patch row of one sample. */
    private final class GatherLoop extends SplitLoop {
        int from;
        int to;

        GatherLoop(int minimumLength) {
            super(minimumLength);
        }

        @Override
        protected void range(int first, int last) {
            patches.gatherRows(input.floats(), input.cols(), from, to, col.floats(), first, last);
        }
    }

    /** {@link #scatterOutput} in float32, in parts: a unit is one filter of one sample. */
    private final class OutputLoop extends SplitLoop {
        int from;
        int to;

        OutputLoop(int minimumLength) {
            super(minimumLength);
        }

        @Override
        protected void range(int first, int last) {
            int samples = to - from;
            int positions = patches.positions();
            int outCols = output.cols();
            float[] y = output.floats();
            float[] z = product.floats();
            for (int unit = first; unit < last; unit++) {
                int f = unit / samples;
                int s = from + unit % samples;
                float b = bias == null ? 0f : bias.value().floats()[f];
                int source = unit * positions;
                int target = s * outCols + f * positions;
                for (int p = 0; p < positions; p++) {
                    y[target + p] = z[source + p] + b;
                }
            }
        }
    }

    /** {@link #gatherOutputGradient} in float32, in parts: a unit is one filter of one sample. */
    private final class OutputGradientLoop extends SplitLoop {
        float[] dy;
        int from;
        int to;

        OutputGradientLoop(int minimumLength) {
            super(minimumLength);
        }

        @Override
        protected void range(int first, int last) {
            int samples = to - from;
            int positions = patches.positions();
            int outCols = outputSize();
            float[] g = product.floats();
            for (int unit = first; unit < last; unit++) {
                int f = unit / samples;
                int s = from + unit % samples;
                System.arraycopy(dy, s * outCols + f * positions, g, unit * positions, positions);
            }
        }
    }

    /** col2im in parts: a unit is one sample, whose pixels only it writes. */
    private final class ScatterLoop extends SplitLoop {
        int from;
        int to;

        ScatterLoop(int minimumLength) {
            super(minimumLength);
        }

        @Override
        protected void range(int first, int last) {
            patches.scatterAddSamples(
                    colGradient.floats(), from, to, inputGradient.floats(), input.cols(), from + first, from + last);
        }
    }

    /**
     * The bias gradient in float32, a filter a unit, each summed in eight interleaved partial sums added pairwise
     * at the end: one running sum waits on the previous addition at every element, eight keep the adder busy.
     */
    private final class FilterSumLoop extends SplitLoop {
        int n;

        FilterSumLoop() {
            super(2);
        }

        @Override
        protected void range(int first, int last) {
            float[] g = product.floats();
            float[] db = bias.gradient().floats();
            for (int f = first; f < last; f++) {
                int start = f * n;
                int end = start + n;
                float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
                int i = start;
                for (; i + 8 <= end; i += 8) {
                    s0 += g[i];
                    s1 += g[i + 1];
                    s2 += g[i + 2];
                    s3 += g[i + 3];
                    s4 += g[i + 4];
                    s5 += g[i + 5];
                    s6 += g[i + 6];
                    s7 += g[i + 7];
                }
                for (; i < end; i++) {
                    s0 += g[i];
                }
                db[f] += ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
            }
        }
    }
}
