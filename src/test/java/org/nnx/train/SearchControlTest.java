package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.model.search.Budget;
import org.nnx.model.search.SearchPlan;

/** A time budget on a grid: what starts before it is spent runs, what would start after does not. */
class SearchControlTest {

    @Test
    void aTimeBudgetAdmitsRunsUntilItIsSpent() {
        List<RunPlan> runs =
                List.of(new RunPlan("a", SweptValues.NONE, null), new RunPlan("b", SweptValues.NONE, null));
        SearchPlan grid = SearchPlan.GRID.withBudget(Budget.ofTime(Duration.ofSeconds(90)));
        ExperimentPlan plan = new ExperimentPlan("g", "", Path.of("g.nnx"), runs, "", grid);
        Instant[] now = {Instant.EPOCH};
        SearchControl control = SearchControl.of(plan, () -> now[0]);
        assertEquals(Optional.empty(), control.admit(0));
        now[0] = Instant.EPOCH.plusSeconds(91);
        assertEquals(Optional.of("the budget of 90 seconds was spent before it could start"), control.admit(1));
    }

    @Test
    void noBudgetAdmitsEverything() {
        List<RunPlan> runs = List.of(new RunPlan("a", SweptValues.NONE, null));
        SearchControl control = SearchControl.of(new ExperimentPlan("g", "", Path.of("g.nnx"), runs, ""), Instant::now);
        assertEquals(Optional.empty(), control.admit(0));
        assertEquals(RunGate.NONE, control.gate(0));
    }
}
