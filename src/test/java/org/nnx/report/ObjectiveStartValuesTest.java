package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.train.ObjectiveResult;

/** An objective's page shows f and ∇f at each start, exact and numerical, and which runs barely moved. */
class ObjectiveStartValuesTest {
    private static final byte[] PNG = {1, 2, 3};

    @Test
    void aRunOfNoStepsShowsItsValuesInFullAndNoValuePerStepChart() {
        List<ObjectiveResult> results =
                ObjectiveReportTest.run(ObjectiveReportTest.bowl(2), List.of(3.0, 4.0), 0, "NaN");
        String html = ObjectiveHtml.render(
                ObjectiveReportTest.plan("gradient", "", "x0^2 + x1^2", results), results, PNG, PNG);
        assertTrue(html.contains("<h2>Values</h2>"), html);
        String row = html.substring(html.indexOf("<h2>Values</h2>"));
        assertTrue(
                row.contains("<td class=\"point\">(3.0, 4.0)</td><td class=\"num\">25.0</td>"
                        + "<td class=\"point\">(6.0, 8.0)</td><td class=\"point\">(6.000000000"),
                row);
        assertFalse(html.contains("f after each step of every run"), "no steps, no f per step");
        assertTrue(html.contains("<dt>learning rate</dt><dd>—</dd>"), "not NaN");
    }

    @Test
    void aTinyLearningRateBarelyMovesAndThePageSaysSo() {
        List<ObjectiveResult> results =
                ObjectiveReportTest.run(ObjectiveReportTest.bowl(2), List.of(-3.0, 4.0), 100, "1e-10", "0.1");
        String html =
                ObjectiveHtml.render(ObjectiveReportTest.plan("rates", "", "x0^2 + x1^2", results), results, PNG, PNG);
        int tiny = html.indexOf("learning_rate=1e-10</span>");
        int other = html.indexOf("learning_rate=0.1</span>");
        int note = html.indexOf("barely moved: f fell by less than a tenth of its start", tiny);
        assertTrue(tiny > 0 && note > tiny && note < other, "on the tiny rate's row only");
        assertFalse(html.substring(other).contains("barely moved"));
        assertTrue(html.contains("<h2>At the start</h2>"));
        assertTrue(html.contains("f after each step of every run"));
    }
}
