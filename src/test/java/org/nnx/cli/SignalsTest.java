package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnx.plugin.PluginJars;

/** Ctrl-C and SIGTERM end a command that trains nothing at once, with status 130 and no stack trace. */
class SignalsTest {
    @TempDir
    Path dir;

    /** A dataset that takes a minute to load: {@code nnx check} is then busy long enough to be interrupted. */
    private static final String SLOW_PLUGIN = """
            package slow;

            import java.util.List;
            import org.nnx.spi.Arguments;
            import org.nnx.spi.Dataset;
            import org.nnx.spi.DatasetContext;
            import org.nnx.spi.DatasetException;
            import org.nnx.spi.DatasetFactory;
            import org.nnx.spi.NnxPlugin;

            public final class SlowPlugin implements NnxPlugin {
                public int spiVersion() {
                    return SPI_VERSION;
                }

                public String name() {
                    return "slow";
                }

                public List<DatasetFactory> datasets() {
                    return List.of(new DatasetFactory() {
                        public String name() {
                            return "slow_data";
                        }

                        public String description() {
                            return "a minute to load";
                        }

                        public Dataset load(Arguments arguments, DatasetContext context) throws DatasetException {
                            System.out.println("loading slow_data");
                            System.out.flush();
                            try {
                                Thread.sleep(60_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            throw new DatasetException("slow_data never loads");
                        }
                    });
                }
            }
            """;

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalDuringCheckEndsItAtOnceWith130(String signal) throws Exception {
        Path sources = PluginJars.writeSources(dir.resolve("src"), SLOW_PLUGIN);
        Path classes = PluginJars.compile(sources, dir.resolve("classes"));
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        PluginJars.jar(plugins.resolve("slow.jar"), classes, List.of("slow/"), "slow.SlowPlugin\n", null);
        Path file = Files.writeString(dir.resolve("slow.nnx"), """
                experiment slow {
                    dataset slow_data
                    model {
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "check",
                        file.toString(),
                        "--plugins",
                        plugins.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = output.readLine()) != null && !line.equals("loading slow_data")) {
            seen.append(line).append('\n');
        }
        assertTrue(line != null, "the check never reached the dataset:\n" + seen);
        long sent = System.nanoTime();
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .start()
                .waitFor();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "nnx check went on after SIG" + signal);
        String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(130, process.exitValue(), rest);
        assertTrue((System.nanoTime() - sent) / 1e9 < 10, "at once, not after the minute-long load");
        assertTrue(rest.contains("nnx: interrupted"), rest);
        assertFalse(rest.contains("stopping after this iteration"), rest);
        assertFalse(rest.contains("Exception"), rest);
    }
}
