package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;

/** Whatever a run throws ends that run alone, as {@code failed} with a one-line reason; the sweep goes on. */
class EveryThrowableIsAResultTest {

    @Test
    void anOutOfMemoryErrorAndAStackOverflowFailTheirRunsOnlyInASequentialSweep() {
        assumeTrue(
                Runtime.getRuntime().maxMemory() < 8L * (Integer.MAX_VALUE - 8),
                "the test layer's allocation must be more than the heap");
        ComponentRegistry registry = TestLayers.registry();
        List<RunPlan> runs = new ArrayList<>();
        for (String layer : List.of("counting", "out_of_memory", "recursing", "relu")) {
            runs.add(new RunPlan(
                    "layer=" + layer,
                    SweptValues.of(Map.of("layer", layer)),
                    TestRuns.model(TestRuns.dense(20), layer, TestRuns.dense(10))
                            .registry(registry)
                            .iterations(5)
                            .config(200)));
        }
        ExperimentPlan plan = new ExperimentPlan("sweep", "", Path.of("sweep.nnx"), runs, "");
        ExperimentResult result = new ExperimentRunner(
                        new Trainer(registry, new StopSignal()), new DatasetLoader(registry), new StopSignal())
                .run(plan, TrainingListener.NONE);

        List<RunResult> results = result.runs();
        assertEquals(
                List.of(RunStatus.OK, RunStatus.FAILED, RunStatus.FAILED, RunStatus.OK),
                results.stream().map(RunResult::status).toList());
        assertEquals(6, results.get(0).metrics().size(), "the run before the failures keeps its metrics: 0 to 5");
        assertEquals(
                "out of memory (Requested array size exceeds VM limit): the run needs more than nnx may use; "
                        + "give nnx more memory (NNX_JAVA_OPTS=-Xmx…) or train fewer runs side by side",
                results.get(1).reason().replace("Java heap space", "Requested array size exceeds VM limit"));
        assertTrue(
                results.get(2).reason().startsWith("stack overflow: a call that never ends (in org.nnx.train."),
                results.get(2).reason());
        assertFalse(results.get(2).reason().contains("\n"));
        assertTrue(results.get(2).trace().startsWith("java.lang.StackOverflowError"), "kept for --debug");
        assertEquals("", results.get(0).trace());
    }
}
