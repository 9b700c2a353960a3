package org.nnx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnx.analysis.Analyzer;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.SourceFile;
import org.nnx.model.ExperimentPlan;
import org.nnx.plugin.Registries;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.tensor.Blas;
import org.nnx.tensor.BlasSelection;
import org.nnx.tensor.JavaBlas;
import org.nnx.tensor.NetlibBlas;
import org.nnx.train.ExperimentRunner;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.StopSignal;
import org.nnx.train.Trainer;
import org.nnx.train.TrainingListener;

/**
 * A training step allocates (next to) nothing once it is in its steady state: the bytes this thread allocates
 * over a window of steps of the book's small net, counted by the JVM, stay under a small bound a step. A
 * property of the code, not a timing: it holds on a busy machine as on a quiet one.
 */
class AllocationPerStepTest {
    /** The bound a step; the trainer's own per-step metrics row (about 60 bytes) fits many times. */
    static final long BOUND_BYTES_PER_STEP = 2048;

    private static final int ITERATIONS = 1200;
    private static final int WINDOW_START = 600;
    private static final int WINDOW_END = 1100;

    private static final String SMALL_NET = """
            experiment allocation {
                dataset mnist, limit = 1000
                model {
                    dense 50, init = gaussian(0.01)
                    sigmoid
                    dense 10, init = gaussian(0.01)
                }
                loss cross_entropy
                optimizer sgd
                learning_rate 0.1
                batch_size 100
                iterations %d
                sampling shuffle
                evaluate_every %d
                seed 3
            }
            """.formatted(ITERATIONS, ITERATIONS);

    /** Each backend on one core, and on two as a run that trains alone uses them. */
    static List<org.junit.jupiter.params.provider.Arguments> backends() {
        List<Blas> backends = new ArrayList<>(List.of(new JavaBlas()));
        NetlibBlas nativeBlas = BlasSelection.nativeOpenBlas();
        if (nativeBlas != null) {
            backends.add(nativeBlas);
        }
        // netlib's pure-Java kernels are left out: they copy their operands on every call (880 KB a step of
        // this net), which is why nnx's own JavaBlas is the pure-Java path.
        List<org.junit.jupiter.params.provider.Arguments> cases = new ArrayList<>();
        for (Blas blas : backends) {
            cases.add(org.junit.jupiter.params.provider.Arguments.of(blas, 1));
            cases.add(org.junit.jupiter.params.provider.Arguments.of(blas, 2));
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, {1} cores")
    @MethodSource("backends")
    void aTrainingStepAllocatesLessThanTwoKilobytes(Blas blas, int cores) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        long[] allocated = new long[2];
        // Evaluation runs only at the last iteration, after the window: it changes the batch size, and
        // layers then reallocate their buffers (see README, "Benchmarks").
        TrainingListener window = new TrainingListener() {
            @Override
            public void iterationDone(long iteration, double loss, double samplesPerSecond) {
                if (iteration == WINDOW_START) {
                    allocated[0] = threads.getCurrentThreadAllocatedBytes();
                } else if (iteration == WINDOW_END) {
                    allocated[1] = threads.getCurrentThreadAllocatedBytes();
                }
            }
        };
        Blas before = Blas.current();
        Blas.use(blas);
        RunResult result;
        try {
            result = train(window, cores);
        } finally {
            Blas.use(before);
        }
        assertEquals(RunStatus.OK, result.status(), result.reason());
        if (cores == 2 && blas instanceof NetlibBlas) {
            assertTrue(
                    result.provenance().get("blas").endsWith("products split over 2 cores"),
                    result.provenance().get("blas"));
        }
        long perStep = (allocated[1] - allocated[0]) / (WINDOW_END - WINDOW_START);
        assertTrue(
                perStep < BOUND_BYTES_PER_STEP,
                blas.name() + ", " + cores + " cores: " + perStep + " bytes allocated a step");
    }

    private static RunResult train(TrainingListener listener, int cores) {
        ComponentRegistry registry = Registries.builtins();
        DatasetLoader datasets = new DatasetLoader(registry);
        var parsed = NnxParser.parse(new SourceFile(Path.of("allocation.nnx"), SMALL_NET));
        assertEquals(List.of(), parsed.diagnostics());
        Analyzer.Result analysis =
                new Analyzer(registry, datasets).analyze(List.of(parsed.file().orElseThrow()));
        assertEquals(List.of(), analysis.diagnostics());
        ExperimentPlan plan = analysis.plans().get(0);
        StopSignal stop = new StopSignal();
        // With two cores allowed, the experiment's single run trains alone on both.
        return new ExperimentRunner(new Trainer(registry, stop), datasets, stop, cores)
                .run(plan, listener)
                .runs()
                .get(0);
    }
}
