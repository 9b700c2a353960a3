package org.nnx.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Initializer;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.Parameter;
import org.nnx.spi.Shape;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/** The gradient check a plugin layer passes before nnx uses it. */
class LayerConformanceTest {
    private static final PluginOrigin JAR = new PluginOrigin("test", "scale.jar", "plugins/scale.jar", "1.0", "00");
    private static final Function<ComponentCall, Initializer> NO_INITIALIZERS = call -> {
        throw new AssertionError("no initializer expected");
    };

    /** y = x ⊙ W, one weight per column; {@code dwFactor} scales its dW (1 is right). */
    private static LayerFactory scale(double dwFactor, boolean throwInBackward, boolean dropout) {
        return new LayerFactory() {
            public String name() {
                return "scale";
            }

            public String description() {
                return "y = x ⊙ W";
            }

            public Layer create(Arguments arguments, LayerContext context) {
                Tensor w = Tensor.zeros(context.precision(), 1, context.inputSize());
                for (int i = 0; i < w.size(); i++) {
                    w.set(i, 0.5 + context.random().nextDouble());
                }
                Parameter weights = Parameter.of("W", w, true);
                SplittableRandom masks = new SplittableRandom();
                return new Layer() {
                    Tensor x;
                    Tensor mask;

                    public Tensor forward(Tensor input, boolean training) {
                        x = input.copy();
                        mask = Tensor.zeros(input.precision(), input.rows(), input.cols());
                        Tensor y = input.copy();
                        for (int r = 0; r < y.rows(); r++) {
                            for (int c = 0; c < y.cols(); c++) {
                                double keep = dropout && training ? (masks.nextBoolean() ? 2 : 0) : 1;
                                mask.set(r, c, keep);
                                y.set(r, c, keep * input.get(r, c) * w.get(0, c));
                            }
                        }
                        return y;
                    }

                    public Tensor backward(Tensor dy) {
                        if (throwInBackward) {
                            throw new IllegalStateException("backward is not written yet");
                        }
                        Tensor dx = dy.copy();
                        for (int r = 0; r < dy.rows(); r++) {
                            for (int c = 0; c < dy.cols(); c++) {
                                double g = dy.get(r, c) * mask.get(r, c);
                                dx.set(r, c, g * w.get(0, c));
                                weights.gradient().add(c, dwFactor * g * x.get(r, c));
                            }
                        }
                        return dx;
                    }

                    public List<Parameter> parameters() {
                        return List.of(weights);
                    }
                };
            }
        };
    }

    private static LayerConformance.Outcome check(LayerFactory factory) {
        return LayerConformance.check(factory, Arguments.EMPTY, 5, "dense", "dense", NO_INITIALIZERS);
    }

    @Test
    void aCorrectBackwardPasses() {
        LayerConformance.Outcome outcome = check(scale(1, false, false));
        assertTrue(outcome.passes(), outcome.describe());
        assertTrue(outcome.maxError() < 1e-8, outcome.describe());
    }

    @Test
    void aWrongBackwardFailsWithItsLargestErrorAndWhere() {
        // dW twice too large: |2a − a| / (|2a| + |a|) = 1/3 on every entry.
        LayerConformance.Outcome outcome = check(scale(2, false, false));
        assertEquals("largest relative error 0.33 in W (tolerance 1e-4)", outcome.describe());
        assertEquals(outcome.describe(), check(scale(2, false, false)).describe(), "the check is deterministic");
    }

    @Test
    void aLayerThatThrowsFails() {
        assertEquals(
                "it threw IllegalStateException: backward is not written yet",
                check(scale(1, true, false)).describe());
    }

    @Test
    void aLayerWithFreshRandomnessEachForwardIsCheckedInEvaluationMode() {
        assertTrue(check(scale(1, false, true)).passes());
    }

    @Test
    void aPluginFactoryRefusesToBuildALayerThatFailedAndRemembersTheVerdict() {
        PluginLayerFactory factory =
                new PluginLayerFactory(scale(2, false, false), JAR, "scale", "y = x ⊙ W", List.of());
        Optional<String> verdict = factory.conformance(Arguments.EMPTY, Shape.flat(5), null, null, NO_INITIALIZERS);
        assertEquals(
                Optional.of("layer 'scale' from scale.jar failed its gradient check: largest relative error 0.33"
                        + " in W (tolerance 1e-4)"),
                verdict);
        LayerContext training =
                new LayerContext(5, null, null, Precision.FLOAT32, new SplittableRandom(1), NO_INITIALIZERS);
        PluginException refused = assertThrows(PluginException.class, () -> factory.create(Arguments.EMPTY, training));
        assertEquals(verdict.get(), refused.getMessage());
    }

    @Test
    void whatAPluginLayerThrowsNamesItsJar() {
        PluginLayerFactory factory =
                new PluginLayerFactory(scale(1, false, false), JAR, "scale", "y = x ⊙ W", List.of());
        Layer layer = factory.create(
                Arguments.EMPTY,
                new LayerContext(3, null, null, Precision.FLOAT32, new SplittableRandom(1), NO_INITIALIZERS));
        PluginException e = assertThrows(PluginException.class, () -> layer.backward(Tensor.zeros(2, 3)));
        assertEquals(
                "layer 'scale' from scale.jar threw NullPointerException",
                e.getMessage().replaceFirst(":.*", ""));
    }
}
