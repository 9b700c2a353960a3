package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.plugin.PluginJars;

/** Files made to hurt: nnx answers each with a few clear lines and the right status, never a stack trace. */
class HostileInputTest {
    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withPluginFolder(() -> dir.resolve("no-plugins"));

    @Test
    void aFileWithThousandsOfErrorsShowsTheFirstHundredAndCountsTheRest() throws IOException {
        StringBuilder text = new StringBuilder("experiment many {\n");
        for (int i = 0; i < 5000; i++) {
            text.append("    unknown_statement_").append(i).append(" 1\n");
        }
        Path file = Files.writeString(dir.resolve("many.nnx"), text.append("}\n"));
        assertEquals(2, cli.run("check", file.toString()));
        String[] lines = cli.stderr().split("\n");
        assertEquals("5005 errors", lines[lines.length - 1], lines[lines.length - 1]);
        assertEquals("… and 4905 more", lines[lines.length - 2]);
        assertEquals(
                100, cli.stderr().lines().filter(l -> l.contains(": error: ")).count());
    }

    @Test
    void controlCharactersInUserTextNeverReachTheTerminalRaw() throws IOException {
        Path file = Files.writeString(dir.resolve("escape\u001b[2J.nnx"), "experiment x {\n");
        assertEquals(2, cli.run("check", file.toString()));
        assertFalse(cli.stderr().contains("\u001b"), cli.stderr());
        assertTrue(cli.stderr().contains("escape?[2J.nnx"), cli.stderr());
    }

    @Test
    void aBugIsOneLineUnlessDebugAsksForItsStackTrace() {
        assertEquals(
                "internal error: IllegalStateException: a check let this through (run with --debug or "
                        + "NNX_DEBUG=1 for its stack trace)",
                FailureHandler.internalError(
                        new IllegalStateException("a check let this through\nsecond line"), false));
        assertEquals(
                "internal error: IllegalStateException: a check let this through",
                FailureHandler.internalError(new IllegalStateException("a check let this through"), true));
    }

    @Test
    void debugIsAcceptedOnEveryCommandBeforeOrAfterItsName() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.nnx"), """
                experiment ok {
                    dataset mnist, limit = 100
                    model {
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                }
                """);
        assertEquals(0, cli.run("--debug", "check", file.toString()), cli.stderr());
        assertEquals(0, cli.run("check", file.toString(), "--debug"), cli.stderr());
    }

    /** A layer whose forward calls itself forever, and another that fails while training. */
    private static final String BAD_PLUGIN = PluginJars.pluginSource("bad", "BadPlugin", "bad", """
            public List<LayerFactory> layers() {
                return List.of(layer("recursing", false), layer("brittle", true));
            }

            private static LayerFactory layer(String name, boolean brittle) {
                return new LayerFactory() {
                    public String name() {
                        return name;
                    }

                    public String description() {
                        return "misbehaves";
                    }

                    public Layer create(Arguments arguments, LayerContext context) {
                        return new Layer() {
                            public Tensor forward(Tensor input, boolean training) {
                                if (!brittle) {
                                    return forward(input, training);
                                }
                                if (input.rows() > 10) {
                                    throw new IllegalStateException("brittle broke");
                                }
                                return input;
                            }

                            public Tensor backward(Tensor outputGradient) {
                                return outputGradient;
                            }
                        };
                    }
                };
            }
            """);

    private Path badPlugins() throws IOException {
        return PluginJars.pluginFolder(dir, "bad.jar", "bad.BadPlugin", BAD_PLUGIN);
    }

    private static final String WITH_LAYER = """
            experiment x {
                dataset mnist, limit = 100
                model {
                    dense 10
                    LAYER
                }
                loss cross_entropy
                learning_rate 0.1
                iterations 3
            }
            """;

    @Test
    void aPluginLayerThatRecursesForeverIsOneLocatedLineInCheckAndInVerify() throws IOException {
        Path plugins = badPlugins();
        Path file = Files.writeString(dir.resolve("deep.nnx"), WITH_LAYER.replace("LAYER", "recursing"));
        assertEquals(2, cli.run("check", file.toString(), "--plugins", plugins.toString()));
        assertEquals(
                file + ":5:9: error: layer 'recursing' from bad.jar failed its gradient check: it threw "
                        + "StackOverflowError",
                cli.stderr().lines().findFirst().orElse(""));
        assertTrue(cli.stderr().lines().count() < 6, cli.stderr());

        cli.run("plugins", "--verify", "--plugins", plugins.toString());
        String all = cli.stdout() + cli.stderr();
        assertTrue(all.contains("recursing") && all.contains("StackOverflowError"), all);
        assertFalse(all.contains("\tat "), "no stack trace: " + all);
        assertTrue(all.lines().count() < 40, all);
    }

    @Test
    void aFailedRunsStackTraceIsKeptInItsFolderAndDebugShowsIt() throws IOException {
        Path plugins = badPlugins();
        Path file = Files.writeString(dir.resolve("brittle.nnx"), WITH_LAYER.replace("LAYER", "brittle"));
        Path reports = dir.resolve("reports");
        assertEquals(1, cli.run("run", file.toString(), "--plugins", plugins.toString(), "--out", reports.toString()));
        Path trace = reports.resolve("x/runs/x/failure.txt");
        assertTrue(Files.readString(trace).contains("brittle broke"), "kept without --debug too");
        assertFalse(cli.stderr().contains("\tat "), "printed only with --debug: " + cli.stderr());

        String out = reports.toString();
        assertEquals(1, cli.run("run", file.toString(), "--plugins", plugins.toString(), "--out", out, "--debug"));
        assertTrue(Files.readString(trace).contains("brittle broke"), "kept in the run's folder");
        assertTrue(cli.stderr().contains("Caused by: java.lang.IllegalStateException: brittle broke"), cli.stderr());
        assertTrue(cli.stderr().contains("bad.BadPlugin$1$1.forward"), cli.stderr());
    }
}
