package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.model.search.Budget;
import org.nnx.model.search.Halving;
import org.nnx.model.search.SearchPlan;
import org.nnx.train.ExperimentResult;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/** A halving search's summary.csv rungs and its report's Search section. */
class SearchReportTest {
    private static final Halving HALVING = new Halving(1, 3, "val_accuracy", 9);

    /** A trial that trained {@code epochs} epochs, evaluated at each, its validation accuracy {@code value}. */
    private static RunResult trial(int number, RunStatus status, int epochs, double value, String reason) {
        RunPlan plan = new RunPlan(
                "trial=" + number + ",learning_rate=0." + number,
                SweptValues.of(Map.of("learning_rate", "0." + number)),
                null);
        List<MetricsRow> rows = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            rows.add(new MetricsRow(e, e, 1.0 / e, value, value - 0.01, value, 0.5));
        }
        return RunResult.builder(plan, status).metrics(rows).reason(reason).build();
    }

    private static ExperimentResult search() {
        List<RunResult> runs = List.of(
                trial(1, RunStatus.OK, 9, 0.9, ""),
                trial(2, RunStatus.PRUNED, 1, 0.5, "at rung 1, 1 epoch: val_accuracy 0.5000, not among the best"),
                trial(3, RunStatus.PRUNED, 3, 0.8, "at rung 2, 3 epochs: val_accuracy 0.8000, not among the best"),
                RunResult.notRun(
                        trial(4, RunStatus.SKIPPED, 0, 0, "").plan(),
                        RunStatus.SKIPPED,
                        "the budget of 13 epochs did not cover training it to 1 epoch"));
        SearchPlan search = new SearchPlan(SearchPlan.Kind.HALVING, 4, Optional.of(HALVING), Budget.ofEpochs(13));
        ExperimentPlan plan = new ExperimentPlan(
                "halving",
                "",
                Path.of("h.nnx"),
                runs.stream().map(RunResult::plan).toList(),
                "",
                search);
        return new ExperimentResult(plan, runs, Optional.empty());
    }

    @Test
    void summaryCsvHasTheRungEachTrialReachedAndItsStatus() {
        List<String> lines = SummaryCsv.toCsv(search()).lines().toList();
        assertTrue(lines.get(0).endsWith(",reason,rung"), lines.get(0));
        assertTrue(lines.get(1).startsWith("\"trial=1,learning_rate=0.1\",ok,"), lines.get(1));
        assertTrue(lines.get(1).endsWith(",3"), lines.get(1));
        assertTrue(lines.get(2).contains(",pruned,") && lines.get(2).endsWith(",1"), lines.get(2));
        assertTrue(lines.get(3).contains(",pruned,") && lines.get(3).endsWith(",2"), lines.get(3));
        assertTrue(lines.get(4).contains(",skipped,") && lines.get(4).endsWith(","), lines.get(4));
    }

    @Test
    void theRungIsCountedFromTheEpochsTrained() {
        assertEquals(List.of(1L, 3L, 9L), SearchTrials.lengths(HALVING));
        assertEquals(3, SearchTrials.rung(HALVING, trial(1, RunStatus.OK, 9, 0.9, "")));
        assertEquals(2, SearchTrials.rung(HALVING, trial(1, RunStatus.DIVERGED, 5, 0.9, "")));
        assertEquals(
                List.of(1.0, 3.0),
                SearchTrials.atRungs(HALVING, trial(3, RunStatus.PRUNED, 3, 0.8, "")).stream()
                        .map(p -> p[0])
                        .toList());
    }

    @Test
    void theReportSaysWhatTheSearchSpentAndDrawsItsCharts() {
        String html = HtmlReport.render(search());
        assertTrue(html.contains("<h2>Search</h2>"));
        assertTrue(
                html.contains("search halving of 4 trials (rungs at 1, 3 epochs, factor 3, ranked by val_accuracy),"
                        + " budget 13 epochs: 2 pruned, 1 skipped; 13 epochs trained."),
                html.substring(html.indexOf("<h2>Search</h2>"), html.indexOf("<h2>Search</h2>") + 400));
        assertTrue(html.contains(
                "<tr><td>1</td><td class=\"num\">1</td><td class=\"num\">3</td>" + "<td class=\"num\">1</td></tr>"));
        assertTrue(html.contains("<tr><td>3 (the end)</td><td class=\"num\">9</td><td class=\"num\">1</td>"
                + "<td class=\"num\">0</td></tr>"));
        assertTrue(html.contains("aria-label=\"Each trial's val_accuracy at the rungs it reached\""));
        assertTrue(html.contains("aria-label=\"Each trial's val_accuracy against learning_rate\""));
        assertTrue(html.contains("status-pruned"));
    }

    @Test
    void aGridWithoutABudgetHasNoSearchSection() {
        ExperimentResult result = search();
        ExperimentPlan grid =
                new ExperimentPlan("g", "", Path.of("g.nnx"), result.plan().runs(), "");
        String html = HtmlReport.render(new ExperimentResult(grid, result.runs(), Optional.empty()));
        assertTrue(!html.contains("<h2>Search</h2>"));
    }
}
