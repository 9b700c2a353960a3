package org.nnx.plugin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.nnx.spi.NnxPlugin;

/**
 * Makes one jar's plugins in a Java process of its own, before nnx makes them in its own: a plugin whose
 * constructor, static initializer or lists call {@code System.exit} or halt the JVM ends the probe, and nnx
 * says so instead of ending. It costs one JVM start, paid once per command and jar, only when a file uses
 * the jar (docs/performance.md).
 */
public final class PluginProbe {
    /** What the probe prints once the plugins are made. */
    static final String MADE = "nnx-probe: made";
    /** What the probe prints when something calls System.exit before they are. */
    static final String EXITED = "nnx-probe: System.exit";

    static final long TIMEOUT_SECONDS = 120;

    private static volatile boolean finished;

    private PluginProbe() {}

    /** {@code java … org.nnx.plugin.PluginProbe JAR}: makes the jar's plugins, then says so. */
    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                System.out.println(EXITED);
                System.out.flush();
            }
        }));
        Path file = Path.of(args[0]);
        String jar = file.getFileName().toString();
        try (PluginClassLoader loader =
                new PluginClassLoader(jar, file.toUri().toURL(), NnxPlugin.class.getClassLoader())) {
            PluginLoader.plugins(loader, jar, args[0], "", "", new ArrayList<>());
        } catch (PluginContributions.Rejected | IOException | RuntimeException | LinkageError e) {
            // nnx's own process finds the same reason when it makes them, and says it there.
        }
        finished = true;
        System.out.println(MADE);
        System.out.flush();
        // The plugin may have started threads that would keep the process alive.
        Runtime.getRuntime().halt(0);
    }

    /**
     * Makes the jar's plugins in a process of its own.
     *
     * @return how that process ended, when it did before they were made: {@code plugin called System.exit(3)
     *     while it was loaded}; empty when they were made, or could not be and nnx's own process will say why
     */
    static Optional<String> inOwnProcess(Path file) {
        // The probe only makes objects: the first compiler tier starts it fastest.
        List<String> command = ChildJvm.command(
                List.of("-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-XX:-CreateCoredumpOnCrash"),
                PluginProbe.class);
        command.add(file.toString());
        Path log = null;
        try {
            log = Files.createTempFile("nnx-probe", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of("its plugins were not made within " + TIMEOUT_SECONDS + " s when it was loaded");
            }
            int status = process.exitValue();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (output.lines().anyMatch(MADE::equals)) {
                return Optional.empty();
            }
            if (output.lines().anyMatch(EXITED::equals)) {
                return Optional.of("plugin called System.exit(" + status + ") when it was loaded");
            }
            return Optional.of("plugin ended the JVM (status " + status + ") when it was loaded");
        } catch (IOException e) {
            return Optional.of("cannot start a process to load it in (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while it was loaded");
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException e) {
                    // A stray temporary file of a few bytes; the command's outcome does not depend on it.
                }
            }
        }
    }
}
