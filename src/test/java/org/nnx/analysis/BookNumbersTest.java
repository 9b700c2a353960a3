package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.analysis.Analysis.analyze;
import static org.nnx.analysis.Analysis.errors;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.ObjectiveRunner;
import org.nnx.train.RunStatus;
import org.nnx.train.StopSignal;

/**
 * The single numbers of the book's learning chapter, computed by objectives of no steps and by formula
 * functions, exactly as the book prints them.
 */
class BookNumbersTest {
    private static List<ObjectiveResult> run(String text) {
        Analyzer.Result result = analyze(text);
        assertEquals(List.of(), errors(result));
        ObjectiveRunner runner = new ObjectiveRunner(new StopSignal());
        return result.objectives().get(0).runs().stream().map(runner::run).toList();
    }

    @Test
    void theLossesOfTheBooksTwoGuesses() {
        String outputs = "[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0] | "
                + "[0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0]";
        String targets = "[0, 0, 1, 0, 0, 0, 0, 0, 0, 0]";
        List<ObjectiveResult> mse =
                run("objective l {\n    minimize mse(" + outputs + ", " + targets + ")\n" + "    steps 0\n}\n");
        assertEquals(0.0975, mse.get(0).finalValue(), 1e-15);
        assertEquals(0.5975, mse.get(1).finalValue(), 1e-15);
        List<ObjectiveResult> ce = run(
                "objective l {\n    minimize cross_entropy(" + outputs + ", " + targets + ")\n" + "    steps 0\n}\n");
        assertEquals(0.510825457099338, ce.get(0).finalValue(), 1e-15);
        assertEquals(2.302584092994546, ce.get(1).finalValue(), 1e-15);
    }

    @Test
    void theNumericalDerivativeOfTheBooksFunctionAtFiveAndTen() {
        List<ObjectiveResult> results = run("""
                objective d {
                    minimize 0.01*x0^2 + 0.1*x0
                    start [5] | [10]
                    steps 0
                }
                """);
        assertEquals(0.1999999999990898, results.get(0).numericalGradient()[0]);
        assertEquals(0.2999999999986347, results.get(1).numericalGradient()[0]);
        assertEquals(0.2, results.get(0).gradient()[0], 1e-15);
        assertEquals(0.3, results.get(1).gradient()[0], 1e-15);
        assertEquals(0.75, results.get(0).finalValue(), 1e-15);
    }

    @Test
    void theGradientOfTheBowlAtThreeFour() {
        ObjectiveResult at = run("""
                objective g {
                    minimize sum(x^2)
                    start [3.0, 4.0]
                    steps 0
                }
                """).get(0);
        assertArrayEquals(new double[] {6, 8}, at.gradient());
        assertArrayEquals(new double[] {6.00000000000378, 7.999999999999119}, at.numericalGradient());
        assertEquals(25, at.finalValue());
    }

    @Test
    void theBowlsEndPointsForALargeAndATinyStep() {
        List<ObjectiveResult> results = run("""
                objective descent {
                    minimize x0^2 + x1^2
                    start [-3.0, 4.0]
                    learning_rate 0.1 | 1e-10
                    steps 100
                    gradient numerical
                }
                """);
        double[] end = results.get(0).points().get(100);
        assertEquals(-6.111107929003464e-10, end[0], 1e-20);
        assertEquals(8.148143905337952e-10, end[1], 1e-20);
        double[] barely = results.get(1).points().get(100);
        assertEquals(-2.99999994, barely[0], 1e-8);
        assertEquals(3.99999992, barely[1], 1e-8);
        assertTrue(results.get(1).barelyMoved(), "1e-10 barely moves");
        assertFalse(results.get(0).barelyMoved());
    }

    @Test
    void stepAndSigmoidAndTheReductionsDifferentiate() {
        ObjectiveResult at = run("""
                objective f {
                    minimize sigmoid(x0) + step(x1) + max(x0, x1) + min(x0, 2*x1)
                    start [0.5, 1.5]
                    steps 0
                }
                """).get(0);
        double s = 1 / (1 + Math.exp(-0.5));
        assertEquals(s + 1 + 1.5 + 0.5, at.finalValue(), 1e-15);
        assertArrayEquals(new double[] {s * (1 - s) + 1, 1}, at.gradient(), 1e-15, "step adds nothing to ∇f");
    }

    @Test
    void unknownFunctionsListTheKnownOnesAndXNeedsAReduction() {
        assertEquals(
                List.of("test.nnx:2:14: error: unknown function 'sigmod'; did you mean 'sigmoid'?; the "
                        + "functions are sin, cos, exp, log, sqrt, abs, tanh, sigmoid, step, sum, max, min, mse, "
                        + "cross_entropy"),
                errors(analyze("objective f {\n    minimize sigmod(x0)\n    start [1]\n    steps 0\n}\n")));
        assertEquals(
                List.of("test.nnx:2:14: error: 'x' stands for every coordinate only inside sum, max or min, as "
                        + "in sum(x^2); elsewhere name one: x0, x1, …"),
                errors(analyze("objective f {\n    minimize x^2\n    start [1]\n    steps 0\n}\n")));
        assertEquals(
                List.of("test.nnx:1:11: error: objective 'f' takes 100 steps but has no 'learning_rate' (the step"
                        + " size η); give one, or 'steps 0' to evaluate f and ∇f at the start only"),
                errors(analyze("objective f {\n    minimize x0^2\n    start [1]\n}\n")));
    }

    @Test
    void aSettableDivergenceBound() {
        List<ObjectiveResult> results = run("""
                objective d {
                    minimize x0^2
                    start [1.0]
                    learning_rate 1.5
                    steps 10
                    divergence 100 | 1e10
                }
                """);
        assertEquals(RunStatus.DIVERGED, results.get(0).status(), "2^n outgrows 100× its start in a few steps");
        assertEquals(RunStatus.OK, results.get(1).status());
    }
}
