package org.nnx.report.geometry;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.nnx.model.Formula;

/**
 * f of two variables sampled at the centre of every cell of a grid: {@code values[i][j]} is f at column
 * {@code i}, row {@code j}, as f gives it (NaN or ±∞ where f is not defined or overflows).
 */
public record FunctionGrid(CellGrid cells, double[][] values) {
    /** f at the centres of {@code cells}; further variables of f are 0. */
    public static FunctionGrid sample(Formula f, CellGrid cells) {
        double[][] values = new double[cells.columns()][cells.rows()];
        double[] x = FormulaArguments.of(f, 2);
        for (int i = 0; i < cells.columns(); i++) {
            for (int j = 0; j < cells.rows(); j++) {
                x[0] = cells.x(i);
                x[1] = cells.y(j);
                values[i][j] = f.evaluate(x);
            }
        }
        return new FunctionGrid(cells, values);
    }

    /** The range of the finite values. */
    public ValueRange range() {
        return ValueRange.ofFinite(Arrays.stream(values).flatMapToDouble(Arrays::stream));
    }

    /** {@code map} applied to every value, in a new array of the same shape. */
    public double[][] map(DoubleUnaryOperator map) {
        double[][] mapped = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            mapped[i] = Arrays.stream(values[i]).map(map).toArray();
        }
        return mapped;
    }
}
