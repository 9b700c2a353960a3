package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.train.TestRuns.dense;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-parameter diagnostics at each evaluation: why a step function cannot learn shows as a zero gradient. */
class ParameterDiagnosticsTest {
    private static final List<String> TENSORS = List.of("1:dense.W", "1:dense.b", "3:dense.W", "3:dense.b");

    private static List<MetricsRow> evaluations(TestRuns run) {
        RunResult result = run.iterations(20).evaluateEvery(10).train(500);
        assertEquals(RunStatus.OK, result.status(), result.reason());
        // The evaluation before the first step has no step to measure.
        MetricsRow start = result.metrics().get(0);
        assertTrue(start.evaluated() && start.iteration() == 0);
        assertEquals(List.of(), start.parameters(), "no diagnostics before a step");
        List<MetricsRow> evaluated = result.metrics().stream()
                .filter(row -> row.evaluated() && row.iteration() > 0)
                .toList();
        assertEquals(2, evaluated.size());
        for (MetricsRow row : evaluated) {
            assertEquals(
                    TENSORS,
                    row.parameters().stream().map(TensorDiagnostics::tensor).toList());
        }
        result.metrics().stream()
                .filter(row -> !row.evaluated())
                .forEach(row -> assertEquals(List.of(), row.parameters(), "none between evaluations"));
        return evaluated;
    }

    private static TensorDiagnostics tensor(MetricsRow row, String name) {
        return row.parameters().stream()
                .filter(d -> d.tensor().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theStepNetsFirstLayerGetsNoGradientWhileTheSigmoidNetsDoes() {
        for (MetricsRow row : evaluations(TestRuns.model(dense(20), "step", dense(10)))) {
            assertEquals(0.0, tensor(row, "1:dense.W").gradientNorm(), "step: ∂L/∂W of layer 1 is 0");
            assertEquals(0.0, tensor(row, "1:dense.b").gradientNorm());
            assertEquals(0.0, tensor(row, "1:dense.W").weightChange(), "so it never moves");
            assertTrue(tensor(row, "3:dense.W").gradientNorm() > 0.01, "the layer after the step learns");
            assertTrue(tensor(row, "3:dense.W").weightChange() > 0);
        }
        for (MetricsRow row : evaluations(TestRuns.model(dense(20), "sigmoid", dense(10)))) {
            assertTrue(tensor(row, "1:dense.W").gradientNorm() > 1e-3, "sigmoid: " + row);
            assertTrue(tensor(row, "1:dense.W").weightChange() > 0);
            assertTrue(tensor(row, "3:dense.W").gradientNorm() > 0.01);
        }
    }

    @Test
    void aStepInBackwardGivesTheSameGradientNormAsAKeptGradient() {
        // Plain sgd steps inside backward and keeps no gradient; momentum 0 keeps it and takes the same step.
        List<MetricsRow> inBackward = evaluations(TestRuns.model(dense(20), "sigmoid", dense(10)));
        List<MetricsRow> kept =
                evaluations(TestRuns.model(dense(20), "sigmoid", dense(10)).optimizer("momentum", "momentum", 0.0));
        for (int e = 0; e < 2; e++) {
            for (String name : TENSORS) {
                double expected = tensor(kept.get(e), name).gradientNorm();
                assertEquals(expected, tensor(inBackward.get(e), name).gradientNorm(), 2e-3 * expected, name);
                double change = tensor(kept.get(e), name).weightChange();
                if (!Double.isNaN(change)) {
                    assertEquals(change, tensor(inBackward.get(e), name).weightChange(), 2e-3 * change, name);
                }
            }
        }
        // Biases start at 0: their change relative to the start is not a number at the first evaluation.
        assertTrue(Double.isNaN(tensor(kept.get(0), "1:dense.b").weightChange()));
        assertTrue(tensor(kept.get(1), "1:dense.b").weightChange() > 0);
    }

    @Test
    void relativeChangeIsTheNormOfTheDifferenceOverTheNormBefore() {
        // ‖(3, 4) − (0, 0)‖ / ‖(0, 0)‖ is undefined; ‖(1, 2) − (0, 2)‖ / ‖(0, 2)‖ = 1/2.
        assertEquals(0.5, ParameterDiagnostics.relativeChange(new double[] {1, 2}, new double[] {0, 2}), 0.0);
        assertTrue(Double.isNaN(ParameterDiagnostics.relativeChange(new double[] {3, 4}, new double[] {0, 0})));
        assertEquals(5.0, ParameterDiagnostics.norm(new double[] {3, 4}), 0.0);
    }
}
