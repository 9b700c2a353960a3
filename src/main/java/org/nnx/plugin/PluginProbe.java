package org.nnx.plugin;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.nnx.spi.NnxPlugin;

/**
 * Makes jars' plugins in a Java process of its own, before nnx makes them in its own: a plugin whose
 * constructor, static initializer or lists call {@code System.exit} or halt the JVM ends the probe, and nnx
 * says so instead of ending. Two uses:
 * <ul>
 *   <li>{@link #inOwnProcess}: before nnx makes the plugins of a jar that a file uses. It costs one JVM start,
 *       paid once per command and jar, only when a file uses the jar (docs/performance.md).</li>
 *   <li>{@link #indexes}: for jars without a contribution index, whose names nnx must learn before it can
 *       check any file. The probe makes their plugins, one jar after the other in one process, and writes
 *       each jar's index ({@link ContributionIndex}) or the reason its plugins cannot be made.</li>
 * </ul>
 * What a plugin prints goes nowhere: the probe's stdout carries only its own lines, which start with
 * {@code nnx-probe:}.
 */
public final class PluginProbe {
    /** What the probe prints once the plugins are made. */
    static final String MADE = "nnx-probe: made";
    /** What the probe prints when something calls System.exit before they are, then the caller's jar. */
    static final String EXITED = "nnx-probe: System.exit";

    /** The first argument that asks the probe for the indexes of the jars that follow it. */
    static final String INDEX_OPTION = "--index";
    /** {@code nnx-probe: jar 2}: the probe starts making the plugins of the third jar it was given. */
    private static final String STARTED = "nnx-probe: jar ";
    /** {@code nnx-probe: index 2 TEXT}: the third jar's index, its line breaks escaped. */
    private static final String INDEXED = "nnx-probe: index ";
    /** {@code nnx-probe: rejected 2 REASON}: why the third jar's plugins cannot be made. */
    private static final String REJECTED = "nnx-probe: rejected ";

    static final long TIMEOUT_SECONDS = 120;

    private static volatile boolean finished;
    /** The names of the class loaders of the jars this probe makes plugins of: the jars' file names. */
    private static final Set<String> JAR_LOADERS = ConcurrentHashMap.newKeySet();

    private PluginProbe() {}

    /**
     * {@code java … org.nnx.plugin.PluginProbe JAR}: makes the jar's plugins, then says so. {@code java …
     * org.nnx.plugin.PluginProbe --index JAR…}: makes each jar's plugins and says what they contribute.
     */
    public static void main(String[] args) {
        PrintStream lines = System.out;
        System.setOut(System.err);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished) {
                lines.println(EXITED + " " + exitCaller());
                lines.flush();
            }
        }));
        if (args.length > 0 && args[0].equals(INDEX_OPTION)) {
            for (int i = 1; i < args.length; i++) {
                lines.println(STARTED + (i - 1));
                lines.flush();
                lines.println(index(Path.of(args[i]), i - 1));
                lines.flush();
            }
        } else {
            // Whether they could be made or not: nnx's own process finds the same reason, and says it there.
            index(Path.of(args[0]), 0);
        }
        finished = true;
        lines.println(MADE);
        lines.flush();
        // The plugin may have started threads that would keep the process alive.
        Runtime.getRuntime().halt(0);
    }

    /** The line that says what the {@code number}th jar contributes, or why its plugins cannot be made. */
    private static String index(Path file, int number) {
        String jar = file.getFileName().toString();
        JAR_LOADERS.add(jar);
        List<Integer> spiVersions = new ArrayList<>();
        try (PluginClassLoader loader =
                new PluginClassLoader(jar, file.toUri().toURL(), NnxPlugin.class.getClassLoader())) {
            List<PluginContributions> plugins = PluginLoader.plugins(loader, jar, file.toString(), "", "", spiVersions);
            return INDEXED + number + " "
                    + escape(ContributionIndex.of(plugins, spiVersions).text());
        } catch (PluginContributions.Rejected e) {
            return REJECTED + number + " " + escape(e.getMessage());
        } catch (IOException e) {
            return REJECTED + number + " " + escape("cannot read: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            return REJECTED + number + " " + escape(RejectionReasons.of("the plugin", e));
        }
    }

    /** The file name of the jar whose code called {@code System.exit}, or empty when no such call is found. */
    private static String exitCaller() {
        for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
            boolean exiting = false;
            for (StackTraceElement frame : stack) {
                exiting |= frame.getClassName().equals("java.lang.Runtime")
                        && frame.getMethodName().equals("exit");
                String loader = frame.getClassLoaderName();
                if (exiting && loader != null && JAR_LOADERS.contains(loader)) {
                    return frame.getClassLoaderName();
                }
            }
        }
        return "";
    }

    /**
     * Makes the jar's plugins in a process of its own.
     *
     * @return how that process ended, when it did before they were made: {@code plugin called System.exit(3)
     *     when it was loaded}; empty when they were made, or could not be and nnx's own process will say why
     */
    static Optional<String> inOwnProcess(Path file) {
        Ran ran = run(List.of(file.toString()));
        return ran.lines().contains(MADE) ? Optional.empty() : Optional.of(ran.ending());
    }

    /**
     * What each jar's plugins contribute, learnt in a process of their own: the index text, or why the plugins
     * cannot be made. The jars' plugins are made one jar after the other in one process; when a jar's plugin
     * ends that process, that jar's reason says how, and the jars after it are made in a new one.
     *
     * @return for each jar, in the order given
     */
    static Map<Path, Indexed> indexes(List<Path> jars) {
        Map<Path, Indexed> outcomes = new LinkedHashMap<>();
        List<Path> pending = List.copyOf(jars);
        while (!pending.isEmpty()) {
            List<String> arguments = new ArrayList<>(List.of(INDEX_OPTION));
            pending.forEach(jar -> arguments.add(jar.toString()));
            Ran ran = run(arguments);
            Map<Integer, Indexed> found = new LinkedHashMap<>();
            int started = -1;
            String caller = "";
            for (String line : ran.lines()) {
                if (line.startsWith(STARTED)) {
                    started = Integer.parseInt(line.substring(STARTED.length()));
                } else if (line.startsWith(INDEXED) || line.startsWith(REJECTED)) {
                    boolean indexed = line.startsWith(INDEXED);
                    String rest = line.substring((indexed ? INDEXED : REJECTED).length());
                    int space = rest.indexOf(' ');
                    String text = unescape(rest.substring(space + 1));
                    found.put(
                            Integer.parseInt(rest.substring(0, space)),
                            indexed ? new Indexed(Optional.of(text), "") : new Indexed(Optional.empty(), text));
                } else if (line.startsWith(EXITED + " ")) {
                    caller = line.substring(EXITED.length() + 1);
                }
            }
            if (ran.lines().contains(MADE) || started < 0) {
                // Every jar has its line, or the process ended before any plugin code ran: the same for all.
                for (int i = 0; i < pending.size(); i++) {
                    outcomes.put(pending.get(i), found.getOrDefault(i, new Indexed(Optional.empty(), ran.ending())));
                }
                break;
            }
            int ender = ender(pending, started, caller);
            found.put(ender, new Indexed(Optional.empty(), ran.ending()));
            List<Path> next = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                if (found.containsKey(i)) {
                    outcomes.put(pending.get(i), found.get(i));
                } else {
                    next.add(pending.get(i));
                }
            }
            pending = next;
        }
        Map<Path, Indexed> inOrder = new LinkedHashMap<>();
        jars.forEach(jar -> inOrder.put(jar, outcomes.get(jar)));
        return inOrder;
    }

    /**
     * The jar whose plugin ended the process: the one whose code called {@code System.exit}, when that is an
     * earlier jar's (a thread its plugin started), else the one whose plugins were being made.
     */
    private static int ender(List<Path> jars, int started, String caller) {
        String current = jars.get(started).getFileName().toString();
        if (caller.isEmpty() || caller.equals(current)) {
            return started;
        }
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < started; i++) {
            if (jars.get(i).getFileName().toString().equals(caller)) {
                named.add(i);
            }
        }
        return named.size() == 1 ? named.get(0) : started;
    }

    /**
     * What the probe learnt of one jar.
     *
     * @param index  the index text, when the jar's plugins were made
     * @param reason otherwise why not: {@code plugin called System.exit(3) when it was loaded}
     */
    record Indexed(Optional<String> index, String reason) {}

    /**
     * How a probe went.
     *
     * @param lines  the probe's own lines
     * @param ending how it ended, said of the plugin, for when it ended before the plugins were made
     */
    private record Ran(List<String> lines, String ending) {}

    private static Ran run(List<String> arguments) {
        // The probe only makes objects: the first compiler tier starts it fastest.
        List<String> command = ChildJvm.command(
                List.of("-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-XX:-CreateCoredumpOnCrash"),
                PluginProbe.class);
        command.addAll(arguments);
        Path log = null;
        try {
            log = Files.createTempFile("nnx-probe", ".log");
            Process process = new ProcessBuilder(command)
                    .redirectError(Redirect.DISCARD)
                    .redirectOutput(log.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                return new Ran(
                        lines(log), "its plugins were not made within " + TIMEOUT_SECONDS + " s when it was loaded");
            }
            int status = process.exitValue();
            List<String> lines = lines(log);
            boolean exited = lines.stream().anyMatch(line -> line.startsWith(EXITED));
            return new Ran(
                    lines,
                    exited
                            ? "plugin called System.exit(" + status + ") when it was loaded"
                            : "plugin ended the JVM (status " + status + ") when it was loaded");
        } catch (IOException e) {
            return new Ran(List.of(), "cannot start a process to load it in (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ran(List.of(), "interrupted while it was loaded");
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

    private static List<String> lines(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8).lines().toList();
    }

    /** The text on one line: backslashes doubled, line breaks as {@code \n} and {@code \r}. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String line) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                text.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }
}
