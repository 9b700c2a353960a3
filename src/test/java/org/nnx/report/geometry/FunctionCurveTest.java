package org.nnx.report.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nnx.model.Formula;

class FunctionCurveTest {
    @Test
    void fAtEvenlySpacedPointsWithBothEnds() {
        Formula square = new Formula.Binary('^', new Formula.Variable(0), new Formula.Constant(2));
        FunctionCurve curve = FunctionCurve.sample(square, new PlotWindow(-1, 1, 0, 0), 4);
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, curve.x());
        assertArrayEquals(new double[] {1, 0.25, 0, 0.25, 1}, curve.f());
        assertEquals(new ValueRange(0, 1), curve.range());
    }

    @Test
    void whereFIsNotFiniteTheCurveHasAGap() {
        // 1 / x0 is +∞ at 0, and sqrt(x0) NaN left of it: both become NaN.
        Formula f = new Formula.Binary(
                '+',
                new Formula.Binary('/', new Formula.Constant(1), new Formula.Variable(0)),
                new Formula.Function("sqrt", new Formula.Variable(0)));
        FunctionCurve curve = FunctionCurve.sample(f, new PlotWindow(-1, 1, 0, 0), 2);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 2}, curve.f());
        assertEquals(new ValueRange(2, 2), curve.range());
    }
}
