package org.nnx.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.spi.Arguments;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.Loss;
import org.nnx.spi.LossFactory;
import org.nnx.spi.NnxPlugin;
import org.nnx.tensor.Tensor;

class PluginTestKitTest {

    /** The identity, whose backward returns {@code factor} times the output gradient: right only for 1. */
    private record Scaled(String name, double factor) implements LayerFactory {
        @Override
        public String description() {
            return "the identity, with a backward scaled by " + factor;
        }

        @Override
        public Layer create(Arguments arguments, LayerContext context) {
            return new Layer() {
                @Override
                public Tensor forward(Tensor input, boolean training) {
                    return input.copy();
                }

                @Override
                public Tensor backward(Tensor outputGradient) {
                    Tensor gradient = outputGradient.copy();
                    for (int i = 0; i < gradient.size(); i++) {
                        gradient.set(i, gradient.get(i) * factor);
                    }
                    return gradient;
                }
            };
        }
    }

    /** Half the squared error, whose gradient it states as twice what it is. */
    private record DoubledSquaredError(String name) implements LossFactory {
        @Override
        public String description() {
            return "half the squared error, with a doubled gradient";
        }

        @Override
        public Loss create(Arguments arguments) {
            Tensor[] gradient = new Tensor[1];
            return new Loss() {
                @Override
                public double forward(Tensor output, Tensor targets) {
                    gradient[0] = output.copy();
                    double sum = 0;
                    for (int i = 0; i < output.size(); i++) {
                        double d = output.get(i) - targets.get(i);
                        sum += d * d / 2;
                        gradient[0].set(i, 2 * d / output.rows());
                    }
                    return sum / output.rows();
                }

                @Override
                public Tensor backward() {
                    return gradient[0];
                }
            };
        }
    }

    private static NnxPlugin plugin(String name, List<LayerFactory> layers, List<LossFactory> losses) {
        return new NnxPlugin() {
            @Override
            public int spiVersion() {
                return SPI_VERSION;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public List<LayerFactory> layers() {
                return layers;
            }

            @Override
            public List<LossFactory> losses() {
                return losses;
            }
        };
    }

    @Test
    void aRightPluginPasses() {
        PluginTestKit.verify(plugin("right", List.of(new Scaled("identity", 1)), List.of()));
    }

    @Test
    void eachFailedCheckIsListed() {
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> PluginTestKit.verify(plugin(
                        "wrong", List.of(new Scaled("tripled", 3)), List.of(new DoubledSquaredError("doubled")))));
        List<String> lines = error.getMessage().lines().toList();
        assertEquals(3, lines.size(), error.getMessage());
        assertEquals(true, lines.get(0).endsWith(" fails 2 checks of nnx:"), lines.get(0));
        assertEquals(true, lines.get(1).startsWith("FAILED  layer tripled: "), lines.get(1));
        assertEquals(true, lines.get(2).startsWith("FAILED  loss doubled: largest relative error 0.50"), lines.get(2));
    }

    @Test
    void aNameAFileCannotWriteFailsAsNnxWouldSkipTheJar() {
        AssertionError error = assertThrows(
                AssertionError.class,
                () -> PluginTestKit.verify(plugin("badly-named", List.of(new Scaled("two words", 1)), List.of())));
        assertEquals(
                "fails 1 check of nnx:\nlayer factory " + Scaled.class.getName()
                        + " is named 'two words', which a file cannot write (a name is a letter or _ followed by"
                        + " letters, digits or _)",
                error.getMessage().substring(error.getMessage().indexOf("fails ")));
    }

    @Test
    void theIndexListsThePluginsNames(@TempDir Path classes) throws Exception {
        Path index = PluginTestKit.writeIndex(
                classes,
                plugin("acme", List.of(new Scaled("identity", 1)), List.of(new DoubledSquaredError("doubled"))));
        assertEquals(classes.resolve("META-INF/nnx/contributions.index"), index);
        assertEquals(
                List.of("plugin acme 2", "layer identity", "loss doubled"),
                Files.readAllLines(index).stream()
                        .filter(l -> !l.startsWith("#"))
                        .toList());
    }
}
