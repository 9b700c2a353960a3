package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.tensor.Blas;
import org.nnx.tensor.CoreGroup;
import org.nnx.tensor.JavaBlas;
import org.nnx.tensor.Tensor;

/**
 * A run with tanh, leaky ReLU, dropout, batch norm, Adam and weight decay trains to the same bits on one thread and
 * on core groups of 2, 3 and 4 threads (more than this machine may have: the parts then wait for a core, which
 * must change nothing), and again the same on a rerun. The pure-Java products are not split, so every loop of the
 * run is one of the group's.
 */
class CoreGroupTrainingTest {

    private static TestRuns run() {
        return TestRuns.model(
                        TestRuns.dense(160),
                        "tanh",
                        TestRuns.layer("batch_norm", "momentum", 0.9, "epsilon", 1e-5),
                        TestRuns.layer("dropout", "rate", 0.2),
                        TestRuns.dense(96),
                        TestRuns.layer("leaky_relu", "alpha", 0.01),
                        TestRuns.dense(10))
                .optimizer("adam", "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-7)
                .weightDecay(1e-4)
                .learningRate(0.001)
                .batchSize(128)
                .iterations(24)
                .evaluateEvery(8);
    }

    private static RunResult train(CoreGroup group, List<Tensor> values) {
        TestRuns runs = run();
        if (group != null) {
            runs = runs.cores(group);
        }
        return runs.train(TestRuns.digits(600), 600, n -> values.addAll(TestRuns.values(n)));
    }

    @Test
    void oneToFourThreadsAndRerunsTrainTheSameBits() {
        Blas before = Blas.current();
        Blas.use(new JavaBlas());
        try {
            List<Tensor> alone = new ArrayList<>();
            RunResult reference = train(null, alone);
            assertEquals(RunStatus.OK, reference.status(), reference.reason());
            for (int size = 2; size <= 4; size++) {
                for (int rerun = 0; rerun < (size == 3 ? 2 : 1); rerun++) {
                    try (CoreGroup group = new CoreGroup(size)) {
                        List<Tensor> values = new ArrayList<>();
                        RunResult result = train(group, values);
                        assertEquals(reference.metrics(), result.metrics(), size + " threads");
                        for (int p = 0; p < alone.size(); p++) {
                            for (int i = 0; i < alone.get(p).size(); i++) {
                                assertEquals(
                                        alone.get(p).get(i),
                                        values.get(p).get(i),
                                        size + " threads, parameter " + p + "[" + i + "]");
                            }
                        }
                    }
                }
            }
        } finally {
            Blas.use(before);
        }
    }
}
