package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnx.ChildJvm;
import org.nnx.plugin.PluginJars;

/** Ctrl-C and SIGTERM end a command that trains nothing at once, with status 130 and no stack trace. */
class SignalsTest {
    @TempDir
    Path dir;

    /** A dataset that takes a minute to load: {@code nnx check} is then busy long enough to be interrupted. */
    private static final String SLOW_PLUGIN = PluginJars.pluginSource("slow", "SlowPlugin", "slow", """
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
            """);

    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void aSignalDuringCheckEndsItAtOnceWith130(String signal) throws Exception {
        Path plugins = PluginJars.pluginFolder(dir, "slow.jar", "slow.SlowPlugin", SLOW_PLUGIN);
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
        Process process = ChildJvm.start(Main.class, "check", file.toString(), "--plugins", plugins.toString());
        String notSeen = ChildJvm.awaitLine(process, "loading slow_data"::equals);
        assertEquals(null, notSeen, "the check never reached the dataset");
        long sent = System.nanoTime();
        ChildJvm.signal(process, signal);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "nnx check went on after SIG" + signal);
        String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(130, process.exitValue(), rest);
        assertTrue((System.nanoTime() - sent) / 1e9 < 10, "at once, not after the minute-long load");
        assertTrue(rest.contains("nnx: interrupted"), rest);
        assertFalse(rest.contains("stopping after this iteration"), rest);
        assertFalse(rest.contains("Exception"), rest);
    }
}
