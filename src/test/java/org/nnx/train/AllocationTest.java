package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Loss;
import org.nnx.spi.Optimizer;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * A training step, gradient, weight decay and optimizer update, allocates nothing once the batch size is stable:
 * measured with the JVM's per-thread allocation counter after a warm-up.
 */
class AllocationTest {
    private static final int BATCH = 20;
    private static final int FEATURES = 8;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) THREADS).getCurrentThreadAllocatedBytes();
    }

    private static Network network() {
        List<ComponentCall> layers = List.of(
                TestRuns.dense(16),
                TestRuns.layer("batch_norm", "momentum", 0.9, "epsilon", 1e-5),
                TestRuns.layer("relu"),
                TestRuns.layer("dropout", "rate", 0.5),
                TestRuns.dense(10));
        return new NetworkBuilder(TestRuns.REGISTRY)
                .build(layers, FEATURES, Precision.FLOAT32, new SplittableRandom(1));
    }

    private static Loss loss() {
        return TestRuns.REGISTRY.loss("cross_entropy").create(Arguments.EMPTY);
    }

    /** Bytes allocated by {@code measured} steps after {@code warmUp} steps. */
    private static long bytesAllocated(
            BatchGradient gradient,
            Network network,
            String optimizerName,
            Arguments optimizerArguments,
            int warmUp,
            int measured) {
        Optimizer optimizer = TestRuns.REGISTRY.optimizer(optimizerName).create(optimizerArguments);
        optimizer.initialize(network.parameters());
        WeightDecay decay = new WeightDecay(1e-3, network.parameters());
        Tensor x = Tensor.zeros(BATCH, FEATURES);
        Tensor t = Tensor.zeros(BATCH, 10);
        SplittableRandom random = new SplittableRandom(2);
        for (int r = 0; r < BATCH; r++) {
            for (int j = 0; j < FEATURES; j++) {
                x.set(r, j, random.nextDouble());
            }
            t.set(r, random.nextInt(10), 1);
        }
        long before = allocatedBytes();
        for (int step = 0; step < warmUp + measured; step++) {
            if (step == warmUp) {
                before = allocatedBytes();
            }
            gradient.compute(x, t);
            decay.penalty();
            decay.addGradients();
            optimizer.step(0.01);
        }
        return allocatedBytes() - before;
    }

    @Test
    void backpropStepsAllocateNothing() {
        Assumptions.assumeTrue(THREADS instanceof com.sun.management.ThreadMXBean);
        for (String optimizer : List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")) {
            Network network = network();
            Arguments arguments = TestRuns.REGISTRY.optimizer(optimizer).parameters().stream()
                    .collect(Collectors.collectingAndThen(
                            Collectors.toMap(p -> p.name(), p -> p.defaultValue(), (a, b) -> a, LinkedHashMap::new),
                            Arguments::new));
            long bytes =
                    bytesAllocated(BatchGradient.backprop(network, loss()), network, optimizer, arguments, 300, 100);
            // Slack for one-off JVM bookkeeping (a few hundred bytes at times); an iterator a step would be
            // 2 400 bytes or more, a batch tensor far more.
            assertTrue(bytes < 2000, optimizer + ": " + bytes + " bytes in 100 steps");
        }
    }

    @Test
    void numericalStepsAllocateNothing() {
        Assumptions.assumeTrue(THREADS instanceof com.sun.management.ThreadMXBean);
        Network network = network();
        try (NumericalGradient gradient =
                new NumericalGradient(network, loss(), List.of(network(), network()), List.of(loss(), loss()), 1e-3)) {
            long bytes = bytesAllocated(gradient, network, "sgd", Arguments.EMPTY, 30, 40);
            assertTrue(bytes < 900, bytes + " bytes in 40 steps");
        }
    }
}
