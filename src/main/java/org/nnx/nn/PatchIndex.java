package org.nnx.nn;

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

    PatchIndex(int channels, int height, int width, Window window) {
        int outHeight = window.outputHeight(height);
        int outWidth = window.outputWidth(width);
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
        int stride = (to - from) * positions;
        for (int k = 0; k < rows; k++) {
            int map = k * positions;
            for (int b = from; b < to; b++) {
                int base = b * features;
                int out = k * stride + (b - from) * positions;
                for (int p = 0; p < positions; p++) {
                    int offset = offsets[map + p];
                    col[out + p] = offset < 0 ? 0f : x[base + offset];
                }
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
