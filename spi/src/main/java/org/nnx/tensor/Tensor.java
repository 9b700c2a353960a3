package org.nnx.tensor;

import java.util.Arrays;

/**
 * A row-major matrix of {@code rows × cols} numbers, the one value type of nnx's numerics: a mini-batch
 * is a tensor with one sample a row.
 *
 * <p>Training runs in float32; gradient checks run the same layer code in float64 so that their errors
 * measure the code and not float32 rounding. A tensor therefore holds either a {@code float[]} or a
 * {@code double[]}, never both; {@link #get} and {@link #set} read and write either, and hot loops may
 * take the array itself through {@link #floats()} or {@link #doubles()}.
 */
public final class Tensor {
    private final int rows;
    private final int cols;
    private final float[] floats;
    private final double[] doubles;

    private Tensor(int rows, int cols, float[] floats, double[] doubles) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + "×" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.floats = floats;
        this.doubles = doubles;
    }

    /** A zero tensor of the given precision. */
    public static Tensor zeros(Precision precision, int rows, int cols) {
        int size = Math.multiplyExact(rows, cols);
        return precision == Precision.FLOAT32
                ? new Tensor(rows, cols, new float[size], null)
                : new Tensor(rows, cols, null, new double[size]);
    }

    /** A zero float32 tensor. */
    public static Tensor zeros(int rows, int cols) {
        return zeros(Precision.FLOAT32, rows, cols);
    }

    /** Wraps a float array (not copied) as a {@code rows × cols} tensor. */
    public static Tensor wrap(int rows, int cols, float[] values) {
        checkLength(rows, cols, values.length);
        return new Tensor(rows, cols, values, null);
    }

    /** Wraps a double array (not copied) as a {@code rows × cols} tensor. */
    public static Tensor wrap(int rows, int cols, double[] values) {
        checkLength(rows, cols, values.length);
        return new Tensor(rows, cols, null, values);
    }

    /** A float32 tensor holding the given values, row by row. */
    public static Tensor of(int rows, int cols, float... values) {
        return wrap(rows, cols, values.clone());
    }

    private static void checkLength(int rows, int cols, int length) {
        if ((long) rows * cols != length) {
            throw new IllegalArgumentException("shape " + rows + "×" + cols + " does not match " + length + " values");
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return rows * cols;
    }

    public Precision precision() {
        return floats != null ? Precision.FLOAT32 : Precision.FLOAT64;
    }

    public boolean isFloat() {
        return floats != null;
    }

    /** The backing array of a float32 tensor. */
    public float[] floats() {
        if (floats == null) {
            throw new IllegalStateException("a float64 tensor has no float[]");
        }
        return floats;
    }

    /** The backing array of a float64 tensor. */
    public double[] doubles() {
        if (doubles == null) {
            throw new IllegalStateException("a float32 tensor has no double[]");
        }
        return doubles;
    }

    /** The value at flat (row-major) index {@code i}. */
    public double get(int i) {
        return floats != null ? floats[i] : doubles[i];
    }

    public double get(int row, int col) {
        return get(row * cols + col);
    }

    /** Stores {@code value} at flat index {@code i}, rounded to float32 in a float32 tensor. */
    public void set(int i, double value) {
        if (floats != null) {
            floats[i] = (float) value;
        } else {
            doubles[i] = value;
        }
    }

    public void set(int row, int col, double value) {
        set(row * cols + col, value);
    }

    /** Adds {@code value} to the element at flat index {@code i}. */
    public void add(int i, double value) {
        if (floats != null) {
            floats[i] += (float) value;
        } else {
            doubles[i] += value;
        }
    }

    public void fill(double value) {
        if (floats != null) {
            Arrays.fill(floats, (float) value);
        } else {
            Arrays.fill(doubles, value);
        }
    }

    /** Whether this tensor has the given shape and precision, so that it can be reused as an output. */
    public boolean fits(Precision precision, int rows, int cols) {
        return this.rows == rows && this.cols == cols && precision() == precision;
    }

    /** A tensor of the given shape and precision: {@code reuse} when it fits, else a new zero tensor. */
    public static Tensor reuseOrAllocate(Tensor reuse, Precision precision, int rows, int cols) {
        return reuse != null && reuse.fits(precision, rows, cols) ? reuse : zeros(precision, rows, cols);
    }

    public Tensor copy() {
        return floats != null
                ? new Tensor(rows, cols, floats.clone(), null)
                : new Tensor(rows, cols, null, doubles.clone());
    }

    /** A copy converted to the given precision. */
    public Tensor to(Precision precision) {
        Tensor out = zeros(precision, rows, cols);
        for (int i = 0; i < size(); i++) {
            out.set(i, get(i));
        }
        return out;
    }

    /** Copies all values of {@code source}, which must have this tensor's shape, into this tensor. */
    public void copyFrom(Tensor source) {
        if (source.rows != rows || source.cols != cols) {
            throw new IllegalArgumentException("shape " + source.shape() + " into " + shape());
        }
        if (floats != null && source.floats != null) {
            System.arraycopy(source.floats, 0, floats, 0, size());
        } else if (doubles != null && source.doubles != null) {
            System.arraycopy(source.doubles, 0, doubles, 0, size());
        } else {
            for (int i = 0; i < size(); i++) {
                set(i, source.get(i));
            }
        }
    }

    public String shape() {
        return rows + "×" + cols;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Tensor[")
                .append(shape())
                .append(", ")
                .append(precision())
                .append("]");
        if (size() <= 64) {
            text.append(' ');
            for (int r = 0; r < rows; r++) {
                text.append(r == 0 ? "[" : ", [");
                for (int c = 0; c < cols; c++) {
                    text.append(c == 0 ? "" : ", ").append(get(r, c));
                }
                text.append(']');
            }
        }
        return text.toString();
    }
}
