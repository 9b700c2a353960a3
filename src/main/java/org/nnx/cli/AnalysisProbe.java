package org.nnx.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.nnx.plugin.PluginLock;
import org.nnx.plugin.PluginStartupException;
import org.nnx.plugin.Registries;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.DatasetLoader;

/**
 * Checks files in a Java process of its own before nnx checks them in its own, when they name contributions of
 * plugin jars: checking runs plugin code (a layer's schema and shapes, its gradient check, a dataset's load), and
 * a plugin that calls {@code System.exit}, halts, runs the JVM out of memory or crashes it there ends that process
 * instead of nnx. nnx learns which jar did it (the caller of {@code System.exit}, else the jars the files use) and
 * how, and checks the files itself without that jar's code: the runs that use it fail with that reason.
 *
 * <p>The process has nnx's java, class path and JVM options, and loads the same plugin folders under the same
 * lock; it prints {@value #DONE} when the check ended, whatever it found.
 *
 * <p>Arguments: {@code LOCK-FILE FOLDERS FOLDER... UNUSABLE (JAR REASON)... FILE...}, with the counts of folders
 * and of jars already unusable.
 */
public final class AnalysisProbe {
    /** What the process prints once the files are checked. */
    static final String DONE = "nnx-analysis: checked";
    /** What it prints when something calls System.exit before, followed by the caller's jar. */
    static final String EXITED = "nnx-analysis: System.exit by ";

    static final long TIMEOUT_SECONDS = 600;

    /** The process's last lines of output, kept to tell how it ended. */
    private static final int KEPT_LINES = 40;

    /** The processes started so far in this JVM: a file that names no plugin contribution starts none. */
    static final AtomicInteger STARTED = new AtomicInteger();

    private static volatile boolean finished;

    private AnalysisProbe() {}

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintStream markers = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // What plugins print must not pass for a marker.
        System.setOut(System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Optional<ExitCaller> caller = finished ? Optional.empty() : ExitCaller.find();
            if (caller.isPresent()) {
                markers.println(EXITED + caller.get().jar());
                markers.flush();
            }
        }));
        Thread nnxGone = new Thread(
                () -> {
                    try {
                        while (System.in.read() >= 0) {
                            // nnx writes nothing: only the end of its stdin matters.
                        }
                    } catch (IOException e) {
                        // As good as its end.
                    }
                    Runtime.getRuntime().halt(ExitStatus.INTERRUPTED);
                },
                "nnx-analysis-stdin");
        nnxGone.setDaemon(true);
        nnxGone.start();
        Thread check = new Thread(null, () -> check(args), "nnx-analysis", Main.STACK_BYTES);
        check.start();
        try {
            check.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finished = true;
        markers.println(DONE);
        markers.flush();
        // A plugin may have started threads that would keep the process alive.
        Runtime.getRuntime().halt(0);
    }

    private static void check(String[] args) {
        int at = 0;
        Path lock = Path.of(args[at++]);
        List<Path> folders = new ArrayList<>();
        for (int n = Integer.parseInt(args[at++]); n > 0; n--) {
            folders.add(Path.of(args[at++]));
        }
        Map<String, String> unusable = new LinkedHashMap<>();
        for (int n = Integer.parseInt(args[at++]); n > 0; n--) {
            unusable.put(args[at++], args[at++]);
        }
        List<Path> files = new ArrayList<>();
        while (at < args.length) {
            files.add(Path.of(args[at++]));
        }
        Terminal quiet = new Terminal(
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(OutputStream.nullOutputStream()),
                false);
        try (LoadedPlugins plugins = Registries.load(folders, PluginLock.read(lock), warning -> {}, false)) {
            new FileAnalysis(plugins, new DatasetLoader(plugins.registry()), quiet)
                    .withUnusable(unusable)
                    .analyze(files);
        } catch (PluginStartupException | RuntimeException e) {
            // Whatever the check finds, nnx's own process finds again and says.
        }
    }

    /**
     * Checks {@code files} in a process of their own, again without each jar found to end it, until one ends.
     *
     * @param used  the jars whose contributions the files name: the ones to blame when the process ends and no
     *              caller of {@code System.exit} names a jar
     * @param relay where what the process prints goes
     * @return why each jar that ended the process cannot be used, by its file name: {@code ending.jar: plugin
     *     called System.exit(3) while the file was checked}; empty when the check ended
     */
    static Map<String, String> unusableJars(
            List<Path> files, Set<String> used, Path lock, List<Path> folders, PrintStream relay) {
        Map<String, String> unusable = new LinkedHashMap<>();
        // Each process that ends makes one jar more unusable, or all the suspects: it ends at most once per jar.
        while (!unusable.keySet().containsAll(used)) {
            Optional<Ending> ended = checkInOwnProcess(files, lock, folders, unusable, relay);
            if (ended.isEmpty()) {
                break;
            }
            Set<String> suspects = new LinkedHashSet<>();
            String caller = ended.get().caller();
            if (caller != null && used.contains(caller) && !unusable.containsKey(caller)) {
                suspects.add(caller);
            } else {
                used.stream().filter(jar -> !unusable.containsKey(jar)).forEach(suspects::add);
            }
            if (suspects.isEmpty()) {
                break;
            }
            String reason = ended.get().reason(String.join(", ", suspects));
            suspects.forEach(jar -> unusable.put(jar, reason));
        }
        return unusable;
    }

    /**
     * How the checking process ended before its marker.
     *
     * @param caller the jar of the caller of {@code System.exit}; empty when no jar's code called it, null when the
     *               process did not end by {@code System.exit}
     * @param output what the process printed
     */
    private record Ending(int status, String caller, List<String> output, boolean timedOut) {
        String reason(String jars) {
            if (timedOut) {
                return jars + ": the file's check did not end within " + TIMEOUT_SECONDS + " s";
            }
            String exitCaller = caller == null ? null : "";
            return WorkerRuns.deathReason(
                            status, exitCaller, output, Runtime.getRuntime().maxMemory(), jars)
                    + " while the file was checked";
        }
    }

    private static Optional<Ending> checkInOwnProcess(
            List<Path> files, Path lock, List<Path> folders, Map<String, String> unusable, PrintStream relay) {
        STARTED.incrementAndGet();
        List<String> command = WorkerRuns.childCommand("nnx-analysis", AnalysisProbe.class);
        command.add(lock.toString());
        command.add(Integer.toString(folders.size()));
        folders.forEach(folder -> command.add(folder.toString()));
        command.add(Integer.toString(unusable.size()));
        unusable.forEach((jar, reason) -> {
            command.add(jar);
            command.add(reason);
        });
        files.forEach(file -> command.add(file.toString()));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            // nnx checks the files itself, as it did before it could check them apart.
            return Optional.empty();
        }
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = new Thread(
                () -> {
                    try {
                        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                            timedOut.set(true);
                            process.destroyForcibly();
                        }
                    } catch (InterruptedException e) {
                        process.destroyForcibly();
                    }
                },
                "nnx-analysis-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        // nnx keeps the process's stdin open while it waits: its end tells the process that nnx is gone.
        boolean done = false;
        String caller = null;
        Deque<String> output = new ArrayDeque<>();
        try (OutputStream stdin = process.getOutputStream();
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.equals(DONE)) {
                    done = true;
                } else if (line.startsWith(EXITED)) {
                    caller = line.substring(EXITED.length());
                } else {
                    // What plugin code prints while it is checked shows as it comes, as in nnx's own check.
                    relay.println(Terminal.printable(line));
                    output.addLast(line);
                    if (output.size() > KEPT_LINES) {
                        output.removeFirst();
                    }
                }
            }
            int status = process.waitFor();
            if (done) {
                return Optional.empty();
            }
            return Optional.of(new Ending(status, caller, List.copyOf(output), timedOut.get()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Optional.empty();
        } finally {
            watchdog.interrupt();
        }
    }
}
