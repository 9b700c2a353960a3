package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nnx.analysis.Analysis.analyze;
import static org.nnx.analysis.Analysis.errors;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.model.GradientArrows;
import org.nnx.model.ObjectiveRun;

/** {@code arrows scaled | unit}: how an objective's landscape draws −∇f. */
class GradientArrowsStatementTest {
    private static List<GradientArrows> arrows(String statement) {
        Analyzer.Result result =
                analyze("objective bowl {\n    minimize x0^2 + x1^2\n    start [-3.0, 4.0]\n    learning_rate 0.1\n"
                        + statement + "}\n");
        assertEquals(List.of(), errors(result));
        return result.objectives().get(0).runs().stream()
                .map(ObjectiveRun::arrows)
                .toList();
    }

    @Test
    void arrowsAreScaledUnlessTheObjectiveSaysUnit() {
        assertEquals(List.of(GradientArrows.SCALED), arrows(""));
        assertEquals(List.of(GradientArrows.UNIT), arrows("    arrows unit\n"));
        assertEquals(List.of(GradientArrows.SCALED), arrows("    arrows scaled\n"));
    }

    @Test
    void anUnknownKindOfArrowIsALocatedError() {
        assertEquals(
                List.of("test.nnx:5:12: error: unknown value 'long' for 'arrows' (one of scaled, unit)"),
                errors(analyze("objective bowl {\n    minimize x0^2\n    start [1.0]\n    learning_rate 0.1\n"
                        + "    arrows long\n}\n")));
    }
}
