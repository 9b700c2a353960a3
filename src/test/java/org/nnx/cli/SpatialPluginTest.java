package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.plugin.PluginJars;

/** A plugin layer on images: it receives its input's shape, declares its output's, and trains after a conv2d. */
class SpatialPluginTest {
    @TempDir
    static Path work;

    static Path plugins;

    @BeforeAll
    static void buildJar() throws IOException {
        // channel_scale: y = x · W[c] on each channel c of an image; images only.
        String source = PluginJars.layerPluginSource("com.spatial", "SpatialPlugin", "spatial", """
                public String name() { return "channel_scale"; }
                public String description() { return "one weight a channel"; }
                public Shape outputShape(Arguments arguments, Shape input) {
                    if (!input.image()) {
                        throw new ShapeException("channel_scale needs images, got " + input);
                    }
                    return input;
                }
                public long parameterCount(Arguments arguments, Shape input) {
                    return input.channels();
                }
                public Layer create(Arguments arguments, LayerContext context) {
                    Shape shape = context.inputShape();
                    int channels = shape.channels();
                    int area = shape.height() * shape.width();
                    Tensor w = Tensor.zeros(context.precision(), 1, channels);
                    w.fill(1.0);
                    Parameter weights = Parameter.of("W", w, true);
                    return new Layer() {
                        Tensor x;
                        public Tensor forward(Tensor input, boolean training) {
                            x = input.copy();
                            Tensor y = input.copy();
                            for (int i = 0; i < y.size(); i++) y.set(i, input.get(i) * w.get((i / area) % channels));
                            return y;
                        }
                        public Tensor backward(Tensor dy) {
                            Tensor dx = dy.copy();
                            for (int i = 0; i < dy.size(); i++) {
                                int c = (i / area) % channels;
                                weights.gradient().add(c, dy.get(i) * x.get(i));
                                dx.set(i, dy.get(i) * w.get(c));
                            }
                            return dx;
                        }
                        public List<Parameter> parameters() { return List.of(weights); }
                    };
                }
                """);
        Path sources = PluginJars.writeSources(work.resolve("src"), source);
        Path classes = PluginJars.compile(sources, work.resolve("classes"));
        plugins = Files.createDirectories(work.resolve("plugins"));
        PluginJars.jar(
                plugins.resolve("spatial-1.0.jar"),
                classes,
                List.of("com/spatial/"),
                "com.spatial.SpatialPlugin\n",
                "1.0");
    }

    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withPluginFolder(() -> dir.resolve("no-default-plugins"));

    private Path write(String layers) throws IOException {
        return Files.writeString(dir.resolve("images.nnx"), """
                experiment images {
                    dataset mnist, limit = 100
                    model {
                %s    }
                    loss cross_entropy
                    learning_rate 0.1
                    batch_size 20
                    iterations 2
                    seed 3
                }
                """.formatted(layers));
    }

    @Test
    void aSpatialPluginLayerIsSizedCheckedAndTrains() throws IOException {
        Path file = write("        conv2d 4, size = 3\n        channel_scale\n        dense 10\n");
        assertEquals(0, cli.run("check", file.toString(), "--plugins", plugins.toString()), cli.stderr());
        List<String> lines = cli.stdout().lines().toList();
        assertEquals("images: ok, 1 run", lines.get(0));
        assertTrue(lines.get(4).matches("  channel_scale +4×26×26 +4"), lines.get(4));
        Path out = dir.resolve("out");
        int status = cli.run("run", file.toString(), "--plugins", plugins.toString(), "--out", out.toString());
        assertEquals(0, status, cli.stderr());
    }

    @Test
    void aSpatialPluginLayerOnFlatDataIsALocatedError() throws IOException {
        Path file = write("        dense 20\n        channel_scale\n        dense 10\n");
        assertEquals(2, cli.run("check", file.toString(), "--plugins", plugins.toString()));
        assertTrue(cli.stderr().startsWith(file + ":5:9: error: channel_scale needs images, got 20\n"), cli.stderr());
    }
}
