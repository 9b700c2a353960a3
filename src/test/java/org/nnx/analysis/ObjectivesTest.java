package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.analysis.Analysis.analyze;
import static org.nnx.analysis.Analysis.errors;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.model.ObjectivePlan;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.ObjectiveRunner;
import org.nnx.train.RunStatus;
import org.nnx.train.StopSignal;

/** The contract's bowl: lr 0.1 converges, 0.01 creeps, 10 diverges; both gradient modes agree. */
class ObjectivesTest {
    private static final String BOWL = """
            objective bowl {
                minimize x0^2 + x1^2
                start [-3.0, 4.0]
                learning_rate 0.1 | 0.01 | 10
                steps 100
                gradient %s
            }
            """;

    private static List<ObjectiveResult> run(String gradient) {
        Analyzer.Result result = analyze(BOWL.formatted(gradient));
        assertEquals(List.of(), errors(result));
        ObjectivePlan plan = result.objectives().get(0);
        ObjectiveRunner runner = new ObjectiveRunner(new StopSignal());
        return plan.runs().stream().map(runner::run).toList();
    }

    @Test
    void bowlConvergesWithPointOneAndDivergesWithTen() {
        for (String gradient : List.of("numerical", "backprop", "numerical(h = 1e-3)")) {
            List<ObjectiveResult> results = run(gradient);
            assertEquals(
                    List.of("learning_rate=0.1", "learning_rate=0.01", "learning_rate=10"),
                    results.stream().map(ObjectiveResult::name).toList());
            ObjectiveResult good = results.get(0);
            assertEquals(RunStatus.OK, good.status());
            assertEquals(101, good.values().size(), "step 0 is the start, then 100 steps");
            assertTrue(good.finalValue() < 1e-6, gradient + ": f = " + good.finalValue());
            assertEquals(25.0, good.values().get(0));
            ObjectiveResult slow = results.get(1);
            assertEquals(RunStatus.OK, slow.status());
            assertTrue(slow.finalValue() > 0.1 && slow.finalValue() < 25, "0.01 barely moves: " + slow.finalValue());
            ObjectiveResult wild = results.get(2);
            assertEquals(RunStatus.DIVERGED, wild.status());
            assertTrue(wild.reason().startsWith("f = "), wild.reason());
        }
    }

    @Test
    void exactDerivativesOfEveryFunction() {
        Analyzer.Result result = analyze("""
                objective all {
                    minimize sin(x0) * cos(x1) + exp(x0 / 4) - log(x1) + sqrt(x1) * abs(x0) + tanh(x0 * x1) + x0^3 + 2^x1
                    start [0.7, 1.3]
                    learning_rate 0.01
                }
                """);
        assertEquals(List.of(), errors(result));
        var formula = result.objectives().get(0).runs().get(0).formula();
        double[] x = {0.7, 1.3};
        double[] exact = new double[2];
        formula.backward(x, 1, exact);
        for (int i = 0; i < 2; i++) {
            double h = 1e-6;
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            double numerical = (formula.evaluate(plus) - formula.evaluate(minus)) / (2 * h);
            assertEquals(numerical, exact[i], 1e-7, "∂f/∂x" + i);
        }
    }

    @Test
    void objectiveErrorsAreLocated() {
        Analyzer.Result result = analyze("""
                objective broken {
                    minimize x0^2 + y + sinh(x1) + "a"
                    start [1, 2]
                    learning_rate 0
                    steps -1
                    gradient check
                    batch_size 10
                }
                objective short {
                    minimize x0 + x2
                    start [1, 2]
                    learning_rate 0.1
                }
                """);
        assertEquals(
                List.of(
                        "test.nnx:2:21: error: unknown variable 'y' (variables are x0, x1, …)",
                        "test.nnx:2:25: error: unknown function 'sinh'; did you mean 'sin'?; the functions are sin, cos, exp, log, "
                                + "sqrt, abs, tanh, sigmoid, step, sum, max, min, mse, cross_entropy",
                        "test.nnx:2:36: error: a formula is made of numbers, x0, x1, …, + - * / ^ and sin cos exp log sqrt abs "
                                + "tanh sigmoid step sum max min mse cross_entropy; got \"a\"",
                        "test.nnx:4:19: error: 'learning_rate' must be > 0, got 0",
                        "test.nnx:5:11: error: 'steps' must be ≥ 0, got -1",
                        "test.nnx:6:14: error: unknown mode 'check' for 'gradient'",
                        "test.nnx:7:5: error: unknown statement 'batch_size' in objective 'broken'",
                        "test.nnx:11:11: error: 'minimize' uses x2 but 'start' has 2 coordinates"),
                errors(result));
    }
}
