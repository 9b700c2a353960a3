package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nnx.tensor.Blas;
import org.nnx.tensor.BlasSelection;
import org.nnx.tensor.CoreGroup;
import org.nnx.tensor.JavaBlas;
import org.nnx.tensor.NetlibBlas;
import org.nnx.tensor.Tensor;

/**
 * A run that trains alone on two cores (products, loops and batch fills in halves) computes what it computes on
 * one. Loops and fills give the same bits; OpenBLAS's halves of a product may round differently in the last bits
 * than the whole product (its kernels handle the edges of a block differently), so native runs agree closely.
 */
class TwoCoresTest {

    /** Wide enough that the ReLU, sigmoid and SGD loops and the batch fill are split, with the book's sizes. */
    private static TestRuns run() {
        return TestRuns.model(TestRuns.dense(200), "relu", TestRuns.dense(100), "sigmoid", TestRuns.dense(10))
                .learningRate(0.1)
                .batchSize(100)
                .iterations(60)
                .evaluateEvery(20);
    }

    @Test
    void loopsAndFillsOnTwoCoresTrainBitIdenticalToOne() {
        assertSameTraining(new JavaBlas(), true);
    }

    @Test
    void nativeProductsSplitInHalvesTrainAsWholeOnes() {
        NetlibBlas nativeBlas = BlasSelection.nativeOpenBlas();
        assumeTrue(nativeBlas != null, "no native OpenBLAS loads here");
        assumeTrue(BlasSelection.threadsPerProduct(nativeBlas) == 1, "OpenBLAS has more than one thread here");
        RunResult split = assertSameTraining(nativeBlas, false);
        assertTrue(
                split.provenance().get("blas").endsWith(", products split over 2 cores"),
                split.provenance().get("blas"));
    }

    private static RunResult assertSameTraining(Blas blas, boolean bitIdentical) {
        Blas before = Blas.current();
        Blas.use(blas);
        try (CoreGroup pair = new CoreGroup(2)) {
            List<Tensor> oneCore = new ArrayList<>();
            List<Tensor> twoCores = new ArrayList<>();
            RunResult alone = run().train(TestRuns.digits(1000), 1000, n -> oneCore.addAll(TestRuns.values(n)));
            RunResult paired =
                    run().cores(pair).train(TestRuns.digits(1000), 1000, n -> twoCores.addAll(TestRuns.values(n)));
            assertEquals(RunStatus.OK, paired.status(), paired.reason());
            assertTrue(paired.testAccuracy() > 0.5, "trained: " + paired.testAccuracy());
            if (bitIdentical) {
                assertEquals(alone.metrics(), paired.metrics());
            } else {
                assertEquals(alone.metrics().size(), paired.metrics().size());
                for (int row = 0; row < alone.metrics().size(); row++) {
                    assertEquals(
                            alone.metrics().get(row).loss(),
                            paired.metrics().get(row).loss(),
                            1e-6,
                            "loss at iteration " + (row + 1));
                }
                assertEquals(alone.testAccuracy(), paired.testAccuracy(), 0.005);
            }
            for (int p = 0; p < oneCore.size(); p++) {
                for (int i = 0; i < oneCore.get(p).size(); i++) {
                    double expected = oneCore.get(p).get(i);
                    double actual = twoCores.get(p).get(i);
                    if (bitIdentical ? expected != actual : Math.abs(expected - actual) > 1e-4) {
                        assertEquals(expected, actual, "parameter " + p + "[" + i + "]");
                    }
                }
            }
            return paired;
        } finally {
            Blas.use(before);
        }
    }
}
