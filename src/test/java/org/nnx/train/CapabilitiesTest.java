package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.nnx.builtins.BuiltinPlugin;
import org.nnx.model.GradientMode;
import org.nnx.plugin.Registries;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.Arguments;
import org.nnx.spi.DescendsInBackward;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.NnxPlugin;
import org.nnx.spi.Optimizer;
import org.nnx.spi.OptimizerFactory;
import org.nnx.spi.Parameter;
import org.nnx.spi.PlainGradientDescent;
import org.nnx.spi.SkipsInputGradient;
import org.nnx.tensor.Tensor;
import org.nnx.train.TestLayers.Scale;

/**
 * The trainer asks layers and optimizers what they can do through the SPI's capability interfaces, never by
 * their classes: a plugin's layer or optimizer that implements one is asked as a built-in is, one that does not
 * is left alone.
 */
class CapabilitiesTest {
    private static final ComponentRegistry REGISTRY = Registries.of(List.of(new BuiltinPlugin(), new Plugin()));

    @Test
    void theFirstLayerAloneIsToldToSkipItsInputGradient() {
        Identity first = new Identity();
        Identity second = new Identity();
        Network network = new Network(List.of(first, second));
        network.skipInputGradient();
        assertTrue(first.skipsInputGradient);
        assertFalse(second.skipsInputGradient, "only the first layer's input is data");
        network.forward(Tensor.of(1, 2, 1, 2), true);
        assertNull(network.backward(Tensor.of(1, 2, 1, 1)));
    }

    @Test
    void aFirstLayerWithoutTheCapabilityStillReturnsItsInputGradient() {
        Identity second = new Identity();
        Network network = new Network(List.of(new Scale(2), second));
        network.skipInputGradient();
        assertFalse(second.skipsInputGradient);
        network.forward(Tensor.of(1, 2, 1, 2), true);
        Tensor inputGradient = network.backward(Tensor.of(1, 2, 3, 4));
        assertNotNull(inputGradient);
        assertEquals(3.0, inputGradient.get(0));
        assertEquals(4.0, inputGradient.get(1));
    }

    @Test
    void everyLayerWithParametersDescendsInBackwardWhenAllOfThemCan() {
        DescendingScale first = new DescendingScale(2, true);
        DescendingScale last = new DescendingScale(2, true);
        // A layer without parameters has nothing to step and neither blocks nor is told.
        Network network = new Network(List.of(first, new Identity(), last));
        assertTrue(network.descendInBackward(0.25));
        assertEquals(0.25, first.rate);
        assertEquals(0.25, last.rate);
    }

    @Test
    void oneLayerThatDeclinesKeepsEveryLayerFromDescending() {
        DescendingScale willing = new DescendingScale(2, true);
        DescendingScale declining = new DescendingScale(2, false);
        assertFalse(new Network(List.of(willing, declining)).descendInBackward(0.25));
        assertTrue(Double.isNaN(willing.rate), "all or none: no layer is told");
        assertTrue(Double.isNaN(declining.rate));
    }

    @Test
    void oneLayerWithParametersButWithoutTheCapabilityKeepsEveryLayerFromDescending() {
        DescendingScale willing = new DescendingScale(2, true);
        assertFalse(new Network(List.of(willing, new Scale(2))).descendInBackward(0.25));
        assertTrue(Double.isNaN(willing.rate));
    }

    @Test
    void aPlainGradientDescentOptimizerIsSteppedInsideTheLayersBackward() {
        TrainingSetup setup =
                setup(TestRuns.model("descending_scale", TestRuns.dense(10)).optimizer("plain_descent"));
        assertTrue(setup.descendInBackward());
        DescendingScale scale = (DescendingScale) setup.network().layers().get(0);
        assertEquals(0.1, scale.rate);
        CountingDescent optimizer = (CountingDescent) setup.optimizer();
        List<Tensor> before = TestRuns.values(setup.network());
        takeSteps(setup, 3);
        assertEquals(0, optimizer.steps, "the layers took the steps");
        assertParametersMoved(before, setup.network());
        setup.network().parameters().forEach(p -> assertEquals(0.0, p.gradient().get(0), "gradients untouched"));
    }

    @Test
    void anOptimizerWithoutTheCapabilityTakesItsOwnSteps() {
        TrainingSetup setup =
                setup(TestRuns.model("descending_scale", TestRuns.dense(10)).optimizer("descent"));
        assertFalse(setup.descendInBackward());
        DescendingScale scale = (DescendingScale) setup.network().layers().get(0);
        assertTrue(Double.isNaN(scale.rate), "the layer is not asked");
        CountingDescent optimizer = (CountingDescent) setup.optimizer();
        List<Tensor> before = TestRuns.values(setup.network());
        takeSteps(setup, 3);
        assertEquals(3, optimizer.steps);
        assertParametersMoved(before, setup.network());
    }

    @Test
    void aLayerWithoutTheCapabilityKeepsAPlainGradientDescentOptimizerStepping() {
        TrainingSetup setup = setup(TestRuns.model("scale", TestRuns.dense(10)).optimizer("plain_descent"));
        assertFalse(setup.descendInBackward());
        takeSteps(setup, 2);
        assertEquals(2, ((CountingDescent) setup.optimizer()).steps);
    }

    @Test
    void weightDecayAndNumericalGradientsKeepTheOptimizersStep() {
        TestRuns decayed = TestRuns.model("descending_scale", TestRuns.dense(10))
                .optimizer("plain_descent")
                .weightDecay(1e-3);
        assertFalse(setup(decayed).descendInBackward(), "λ·W must join the gradient before the step");
        TestRuns numerical = TestRuns.model(TestRuns.dense(2))
                .optimizer("plain_descent")
                .gradient(GradientMode.Kind.NUMERICAL, 1e-3, 1e-4);
        assertFalse(setup(numerical).descendInBackward(), "backward does not run");
        TestRuns checked = TestRuns.model(TestRuns.dense(10))
                .optimizer("plain_descent")
                .gradient(GradientMode.Kind.CHECK, 1e-4, 1e-4);
        assertTrue(setup(checked).descendInBackward(), "a checked run trains by backprop");
    }

    @Test
    void theBuiltInsTrainFusedAndSteppedAlike() {
        // Built-in dense and sgd take the fused path; the same update stepped by a plain optimizer matches it.
        TrainingSetup fused = setup(TestRuns.model(TestRuns.dense(10)).optimizer("sgd"));
        TrainingSetup stepped = setup(TestRuns.model(TestRuns.dense(10)).optimizer("descent"));
        assertTrue(fused.descendInBackward());
        assertFalse(stepped.descendInBackward());
        takeSteps(fused, 5);
        takeSteps(stepped, 5);
        List<Tensor> a = TestRuns.values(fused.network());
        List<Tensor> b = TestRuns.values(stepped.network());
        for (int p = 0; p < a.size(); p++) {
            for (int i = 0; i < a.get(p).size(); i++) {
                assertEquals(b.get(p).get(i), a.get(p).get(i), 1e-6, "parameter " + p + "[" + i + "]");
            }
        }
    }

    private static TrainingSetup setup(TestRuns run) {
        return TrainingSetup.prepare(
                REGISTRY, run.learningRate(0.1).batchSize(10).config(50), TestRuns.digits(50));
    }

    private static void takeSteps(TrainingSetup setup, int steps) {
        try (TrainingStep step = setup.newStep()) {
            for (int s = 1; s <= steps; s++) {
                assertTrue(Double.isFinite(step.take(s < steps)));
            }
            assertEquals(10L * steps, step.samples());
        }
    }

    private static void assertParametersMoved(List<Tensor> before, Network network) {
        List<Tensor> after = TestRuns.values(network);
        for (int p = 0; p < before.size(); p++) {
            double moved = 0;
            for (int i = 0; i < before.get(p).size(); i++) {
                moved += Math.abs(after.get(p).get(i) - before.get(p).get(i));
            }
            assertNotEquals(0.0, moved, "parameter " + p + " moved");
        }
    }

    /** {@code scale}, {@code descending_scale}, and the optimizers {@code descent} and {@code plain_descent}. */
    private static final class Plugin implements NnxPlugin {
        @Override
        public int spiVersion() {
            return SPI_VERSION;
        }

        @Override
        public String name() {
            return "capabilities";
        }

        @Override
        public List<LayerFactory> layers() {
            return List.of(
                    TestLayers.factory("scale", (arguments, context) -> new Scale(context.inputSize())),
                    TestLayers.factory(
                            "descending_scale",
                            (arguments, context) -> new DescendingScale(context.inputSize(), true)));
        }

        @Override
        public List<OptimizerFactory> optimizers() {
            return List.of(
                    optimizer("descent", CountingDescent::new), optimizer("plain_descent", PlainCountingDescent::new));
        }

        private static OptimizerFactory optimizer(String name, Supplier<Optimizer> maker) {
            return new OptimizerFactory() {
                public String name() {
                    return name;
                }

                public String description() {
                    return "test optimizer " + name;
                }

                public Optimizer create(Arguments arguments) {
                    return maker.get();
                }
            };
        }
    }

    /** {@code W ← W − η·dW}, counting its steps, without saying so: the trainer must call every step. */
    static class CountingDescent implements Optimizer {
        private List<Parameter> parameters = List.of();
        int steps;

        @Override
        public void initialize(List<Parameter> parameters) {
            this.parameters = List.copyOf(parameters);
        }

        @Override
        public void step(double learningRate) {
            steps++;
            for (Parameter parameter : parameters) {
                for (int i = 0; i < parameter.value().size(); i++) {
                    parameter
                            .value()
                            .set(
                                    i,
                                    parameter.value().get(i)
                                            - learningRate
                                                    * parameter.gradient().get(i));
                }
            }
        }
    }

    /** The same update, declared plain gradient descent. */
    static final class PlainCountingDescent extends CountingDescent implements PlainGradientDescent {}

    /** The identity, which can skip its input gradient. */
    static final class Identity implements SkipsInputGradient {
        boolean skipsInputGradient;

        @Override
        public Tensor forward(Tensor input, boolean training) {
            return input;
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            return skipsInputGradient ? null : outputGradient;
        }

        @Override
        public void skipInputGradient() {
            skipsInputGradient = true;
        }
    }

    /** A scale that steps itself in backward once told, when it agrees to. */
    static final class DescendingScale extends Scale implements DescendsInBackward {
        private final boolean agrees;
        double rate = Double.NaN;

        DescendingScale(int width, boolean agrees) {
            super(width);
            this.agrees = agrees;
        }

        @Override
        public boolean canDescendInBackward() {
            return agrees;
        }

        @Override
        public void descendInBackward(double learningRate) {
            rate = learningRate;
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            if (Double.isNaN(rate)) {
                return super.backward(outputGradient);
            }
            Tensor saved = scale.gradient().copy();
            scale.gradient().fill(0);
            Tensor inputGradient = super.backward(outputGradient);
            for (int j = 0; j < scale.value().size(); j++) {
                scale.value()
                        .set(j, scale.value().get(j) - rate * scale.gradient().get(j));
            }
            scale.gradient().copyFrom(saved);
            return inputGradient;
        }
    }
}
