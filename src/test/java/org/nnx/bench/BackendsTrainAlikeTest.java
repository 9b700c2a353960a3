package org.nnx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.analysis.Analyzer;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.SourceFile;
import org.nnx.plugin.Registries;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.tensor.Blas;
import org.nnx.tensor.BlasSelection;
import org.nnx.tensor.JavaBlas;
import org.nnx.tensor.NetlibBlas;
import org.nnx.train.ExperimentRunner;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.StopSignal;
import org.nnx.train.Trainer;
import org.nnx.train.TrainingListener;

/**
 * The native backend trains the same net to the same numbers as the pure-Java one, up to float32 rounding
 * (the products sum in another order), and the run's provenance names the backend that ran. Skipped where
 * the native library is not installed.
 */
class BackendsTrainAlikeTest {
    private static final String NET = """
            experiment alike {
                dataset mnist, limit = 2000
                model {
                    dense 64
                    relu
                    dense 10
                }
                loss cross_entropy
                learning_rate 0.1
                batch_size 50
                epochs 2
                seed 5
            }
            """;

    @Test
    void nativeOpenBlasTrainsLikeJavaBlas() {
        NetlibBlas nativeBlas = BlasSelection.nativeOpenBlas();
        assumeTrue(nativeBlas != null, "native OpenBLAS is not installed here");
        RunResult java = train(new JavaBlas());
        RunResult openBlas = train(nativeBlas);
        assertEquals("java", java.provenance().get("blas"));
        assertEquals(nativeBlas.name(), openBlas.provenance().get("blas"));
        assertEquals(java.metrics().size(), openBlas.metrics().size());
        // Row 0 is the evaluation before the first step, which has no mini-batch loss.
        for (int i = 1; i < java.metrics().size(); i++) {
            MetricsRow expected = java.metrics().get(i);
            MetricsRow actual = openBlas.metrics().get(i);
            assertEquals(
                    expected.loss(),
                    actual.loss(),
                    1e-3 * (1 + expected.loss()),
                    "loss at iteration " + expected.iteration());
        }
        assertEquals(
                java.metrics().get(0).testAccuracy(), openBlas.metrics().get(0).testAccuracy(), 0.01);
        assertEquals(java.testAccuracy(), openBlas.testAccuracy(), 0.01);
        assertTrue(openBlas.testAccuracy() > 0.85, "test accuracy " + openBlas.testAccuracy());
    }

    private static RunResult train(Blas blas) {
        ComponentRegistry registry = Registries.builtins();
        DatasetLoader datasets = new DatasetLoader(registry);
        var parsed = NnxParser.parse(new SourceFile(Path.of("alike.nnx"), NET));
        Analyzer.Result analysis =
                new Analyzer(registry, datasets).analyze(List.of(parsed.file().orElseThrow()));
        assertEquals(List.of(), analysis.diagnostics());
        Blas before = Blas.current();
        Blas.use(blas);
        try {
            StopSignal stop = new StopSignal();
            RunResult result = new ExperimentRunner(new Trainer(registry, stop), datasets, stop)
                    .run(analysis.plans().get(0), TrainingListener.NONE)
                    .runs()
                    .get(0);
            assertEquals(RunStatus.OK, result.status(), result.reason());
            return result;
        } finally {
            Blas.use(before);
        }
    }
}
