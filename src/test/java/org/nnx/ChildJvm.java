package org.nnx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A class's {@code main} run in a JVM of its own, on the class path of the tests, so that a test can kill it
 * or send it a signal as a user would. Its stderr is merged into its stdout.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** Starts {@code mainClass} with {@code args} in a new JVM. */
    public static Process start(Class<?> mainClass, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command =
                new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * Reads the process's output until a line that {@code wanted} accepts: null once it is read, the lines
     * read on the way if the output ends first.
     */
    public static String awaitLine(Process process, Predicate<String> wanted) throws IOException {
        BufferedReader output = output(process);
        StringBuilder seen = new StringBuilder();
        for (String line; (line = output.readLine()) != null; ) {
            if (wanted.test(line)) {
                return null;
            }
            seen.append(line).append('\n');
        }
        return seen.toString();
    }

    /** The process's output, line by line. */
    public static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Sends {@code signal} ({@code INT}, {@code TERM}) to the process, as kill(1) does, and waits for kill. */
    public static void signal(Process process, String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .start()
                .waitFor();
    }
}
