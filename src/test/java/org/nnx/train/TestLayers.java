package org.nnx.train;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.nnx.builtins.BuiltinPlugin;
import org.nnx.plugin.Registries;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.Arguments;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.NnxPlugin;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/** Layers that only tests need, registered next to the built-ins as a plugin would be. */
final class TestLayers implements NnxPlugin {
    /** Every {@code counting} layer made so far, in order of creation. */
    static final List<Counting> COUNTING = new CopyOnWriteArrayList<>();

    private TestLayers() {}

    /** The built-ins plus {@code broken}, {@code counting}, {@code float32_only}, {@code out_of_memory}, {@code recursing}. */
    static ComponentRegistry registry() {
        return Registries.of(List.of(new BuiltinPlugin(), new TestLayers()));
    }

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "test layers";
    }

    @Override
    public List<LayerFactory> layers() {
        return List.of(
                factory("broken", (arguments, context) -> new Broken(context)),
                factory("float32_only", (arguments, context) -> new Counting() {
                    @Override
                    public Tensor forward(Tensor input, boolean training) {
                        if (!input.isFloat()) {
                            throw new IllegalArgumentException("float32_only takes float32 only");
                        }
                        return super.forward(input, training);
                    }
                }),
                factory("out_of_memory", (arguments, context) -> new Counting() {
                    @Override
                    public Tensor forward(Tensor input, boolean training) {
                        // More than any heap the tests run with: the JVM refuses it at once, as a real run would.
                        long[] hog = new long[Integer.MAX_VALUE - 8];
                        return super.forward(input, training && hog.length > 0);
                    }
                }),
                factory("recursing", (arguments, context) -> new Counting() {
                    @Override
                    public Tensor forward(Tensor input, boolean training) {
                        return forward(input, training);
                    }
                }),
                factory("counting", (arguments, context) -> {
                    Counting counting = new Counting();
                    COUNTING.add(counting);
                    return counting;
                }));
    }

    /** A layer factory {@code name} whose layers {@code maker} makes. */
    static LayerFactory factory(String name, BiFunction<Arguments, LayerContext, Layer> maker) {
        return new LayerFactory() {
            public String name() {
                return name;
            }

            public String description() {
                return "test layer " + name;
            }

            public Layer create(Arguments arguments, LayerContext context) {
                return maker.apply(arguments, context);
            }
        };
    }

    /**
     * {@code y = x ⊙ s} with a trainable scale {@code s} per column, whose backward gets {@code dx} right but
     * reports 1.5 times the true {@code ds}: the kind of slip a gradient check is for.
     */
    static final class Broken extends Scale {
        Broken(LayerContext context) {
            super(context.precision(), context.inputSize(), 1.5);
        }
    }

    /** {@code y = x ⊙ s}, a trainable scale {@code s} per column starting at 1. */
    static class Scale implements Layer {
        final Parameter scale;
        /** What backward multiplies {@code ds} by: 1 for the true gradient. */
        private final double scaleGradientFactor;

        private Tensor input;
        private Tensor output;
        private Tensor inputGradient;

        Scale(int width) {
            this(Precision.FLOAT32, width, 1);
        }

        Scale(Precision precision, int width, double scaleGradientFactor) {
            Tensor ones = Tensor.zeros(precision, 1, width);
            ones.fill(1.0);
            scale = Parameter.of("s", ones, false);
            this.scaleGradientFactor = scaleGradientFactor;
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(scale);
        }

        @Override
        public Tensor forward(Tensor input, boolean training) {
            this.input = input;
            output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
            for (int i = 0; i < input.size(); i++) {
                output.set(i, input.get(i) * scale.value().get(i % input.cols()));
            }
            return output;
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            inputGradient = Tensor.reuseOrAllocate(inputGradient, input.precision(), input.rows(), input.cols());
            for (int i = 0; i < input.size(); i++) {
                int column = i % input.cols();
                inputGradient.set(i, outputGradient.get(i) * scale.value().get(column));
                scale.gradient().add(column, scaleGradientFactor * outputGradient.get(i) * input.get(i));
            }
            return inputGradient;
        }
    }

    /** The identity, counting its forwards by thread name. */
    static class Counting implements Layer {
        final Map<String, Integer> forwardsByThread = new ConcurrentHashMap<>();
        private Tensor output;
        private Tensor inputGradient;

        int forwards() {
            return forwardsByThread.values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
        }

        @Override
        public Tensor forward(Tensor input, boolean training) {
            forwardsByThread.merge(Thread.currentThread().getName(), 1, Integer::sum);
            output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
            output.copyFrom(input);
            return output;
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            inputGradient = Tensor.reuseOrAllocate(
                    inputGradient, outputGradient.precision(), outputGradient.rows(), outputGradient.cols());
            inputGradient.copyFrom(outputGradient);
            return inputGradient;
        }
    }
}
