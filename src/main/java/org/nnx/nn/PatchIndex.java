package org.nnx.nn;

import java.util.Arrays;

/**
 * Where each entry of a sample's patch matrix comes from in the sample (im2col's map, computed once per layer).
 *
 * <p>The patch matrix of one sample has a row per filter weight, {@code (channel, dy, dx)} in that order, and a
 * column per output position, row by row. Entry {@code (k, p)} is the input pixel that weight {@code k} meets at
 * position {@code p}, as an offset into the sample's {@code channels × height × width} features, or -1 where the
 * window lies on the padding. Gathering through the map is im2col; adding back through it is col2im.
 */
final class PatchIndex {
    private final int[] offsets;
    private final int rows;
    private final int positions;
    private final int outHeight;
    private final int outWidth;
    /**
     * With a stride of one across, each output row of a patch row reads one run of consecutive input pixels:
     * {@code runStart[k · outHeight + oy]} is where it starts in the sample (or -1 when the window lies on the
     * padding rows), and it covers output columns {@code [runFrom[k], runTo[k])}. Null for other strides.
     */
    private final int[] runStart;

    private final int[] runFrom;
    private final int[] runTo;

    PatchIndex(int channels, int height, int width, Window window) {
        int outHeight = window.outputHeight(height);
        int outWidth = window.outputWidth(width);
        this.outHeight = outHeight;
        this.outWidth = outWidth;
        this.rows = channels * window.height() * window.width();
        this.positions = outHeight * outWidth;
        this.offsets = new int[Math.multiplyExact(rows, positions)];
        int k = 0;
        for (int c = 0; c < channels; c++) {
            for (int dy = 0; dy < window.height(); dy++) {
                for (int dx = 0; dx < window.width(); dx++, k++) {
                    int p = 0;
                    for (int oy = 0; oy < outHeight; oy++) {
                        int y = oy * window.strideHeight() - window.padHeight() + dy;
                        for (int ox = 0; ox < outWidth; ox++, p++) {
                            int x = ox * window.strideWidth() - window.padWidth() + dx;
                            boolean inside = y >= 0 && y < height && x >= 0 && x < width;
                            offsets[k * positions + p] = inside ? (c * height + y) * width + x : -1;
                        }
                    }
                }
            }
        }
        if (window.strideWidth() == 1) {
            runStart = new int[rows * outHeight];
            runFrom = new int[rows];
            runTo = new int[rows];
            for (k = 0; k < rows; k++) {
                int dx = k % window.width();
                // Output columns whose pixel x = ox − padWidth + dx lies inside the image.
                runFrom[k] = Math.min(outWidth, Math.max(0, window.padWidth() - dx));
                runTo[k] = Math.max(runFrom[k], Math.min(outWidth, width + window.padWidth() - dx));
                for (int oy = 0; oy < outHeight; oy++) {
                    int p = oy * outWidth + runFrom[k];
                    runStart[k * outHeight + oy] = runFrom[k] < runTo[k] ? offsets[k * positions + p] : -1;
                }
            }
        } else {
            runStart = null;
            runFrom = null;
            runTo = null;
        }
    }

    /** The patch matrix's rows: weights per filter. */
    int rows() {
        return rows;
    }

    /** The patch matrix's columns: output positions. */
    int positions() {
        return positions;
    }

    /**
     * im2col of samples {@code [from, to)} of {@code x} (one sample of {@code features} a row) into {@code col},
     * {@code rows × ((to − from) · positions)}: sample after sample within each row.
     */
    void gather(float[] x, int features, int from, int to, float[] col) {
        gatherRows(x, features, from, to, col, 0, rows * (to - from));
    }

    /**
     * Units {@code [first, last)} of {@link #gather(float[], int, int, int, float[])}, a unit being one patch row
     * of one sample ({@code unit = k · samples + b}): each writes its own part of {@code col}, so parts of the
     * units may be gathered on different threads.
     */
    void gatherRows(float[] x, int features, int from, int to, float[] col, int first, int last) {
        int samples = to - from;
        for (int unit = first; unit < last; unit++) {
            int k = unit / samples;
            int b = from + unit % samples;
            int base = b * features;
            int out = unit * positions;
            if (runStart == null) {
                int map = k * positions;
                for (int p = 0; p < positions; p++) {
                    int offset = offsets[map + p];
                    col[out + p] = offset < 0 ? 0f : x[base + offset];
                }
                continue;
            }
            int lo = runFrom[k];
            int hi = runTo[k];
            for (int oy = 0; oy < outHeight; oy++, out += outWidth) {
                int start = runStart[k * outHeight + oy];
                if (start < 0) {
                    Arrays.fill(col, out, out + outWidth, 0f);
                    continue;
                }
                Arrays.fill(col, out, out + lo, 0f);
                System.arraycopy(x, base + start, col, out + lo, hi - lo);
                Arrays.fill(col, out + hi, out + outWidth, 0f);
            }
        }
    }

    /** {@link #gather(float[], int, int, int, float[])} in float64. */
    void gather(double[] x, int features, int from, int to, double[] col) {
        int stride = (to - from) * positions;
        for (int k = 0; k < rows; k++) {
            int map = k * positions;
            for (int b = from; b < to; b++) {
                int base = b * features;
                int out = k * stride + (b - from) * positions;
                for (int p = 0; p < positions; p++) {
                    int offset = offsets[map + p];
                    col[out + p] = offset < 0 ? 0.0 : x[base + offset];
                }
            }
        }
    }

    /** col2im: adds each entry of {@code col} into the input feature it was gathered from. */
    void scatterAdd(float[] col, int from, int to, float[] dx, int features) {
        scatterAddSamples(col, from, to, dx, features, from, to);
    }

    /**
     * Samples {@code [first, last)} of {@link #scatterAdd(float[], int, int, float[], int)}, which write only their
     * own rows of {@code dx}, so parts may run on different threads. Each pixel gets its entries in the order of
     * the patch rows, then of the positions, whichever samples a part holds.
     */
    void scatterAddSamples(float[] col, int from, int to, float[] dx, int features, int first, int last) {
        int samples = to - from;
        int stride = samples * positions;
        for (int b = first; b < last; b++) {
            int base = b * features;
            for (int k = 0; k < rows; k++) {
                int in = k * stride + (b - from) * positions;
                if (runStart == null) {
                    int map = k * positions;
                    for (int p = 0; p < positions; p++) {
                        int offset = offsets[map + p];
                        if (offset >= 0) {
                            dx[base + offset] += col[in + p];
                        }
                    }
                    continue;
                }
                int lo = runFrom[k];
                int length = runTo[k] - lo;
                for (int oy = 0; oy < outHeight; oy++, in += outWidth) {
                    int start = runStart[k * outHeight + oy];
                    if (start < 0) {
                        continue;
                    }
                    int target = base + start;
                    int source = in + lo;
                    for (int j = 0; j < length; j++) {
                        dx[target + j] += col[source + j];
                    }
                }
            }
        }
    }

    /** {@link #scatterAdd(float[], int, int, float[], int)} in float64. */
    void scatterAdd(double[] col, int from, int to, double[] dx, int features) {
        int stride = (to - from) * positions;
        for (int k = 0; k < rows; k++) {
            int map = k * positions;
            for (int b = from; b < to; b++) {
                int base = b * features;
                int in = k * stride + (b - from) * positions;
                for (int p = 0; p < positions; p++) {
                    int offset = offsets[map + p];
                    if (offset >= 0) {
                        dx[base + offset] += col[in + p];
                    }
                }
            }
        }
    }
}
