package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.plugin.PluginJars;
import org.nnx.plugin.Registries;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.DatasetLoader;
import org.nnx.train.StopSignal;

/**
 * Runs that use a plugin train in a worker process: a plugin that calls {@code System.exit}, halts the JVM, runs
 * it out of memory or crashes it fails its run alone, with a message naming its jar, while the other runs finish
 * and the report is written; a worker's run gives the very metrics and weights of a run in nnx's own process,
 * and stops and resumes as one.
 */
class WorkerRunsTest {
    /** The folder holding {@code ending.jar}, built from the sources below once for the class. */
    private static Path plugins;

    @BeforeAll
    static void buildTheEndingJar(@TempDir Path build) throws IOException {
        Path sources = PluginJars.writeSources(build.resolve("src"), """
                package com.ending;

                import org.nnx.spi.LayerFactory;
                import org.nnx.spi.NnxPlugin;

                /** One layer, ending, which ends its process when told how. */
                public final class EndingPlugin implements NnxPlugin {
                    @Override public String name() { return "ending"; }
                    @Override public int spiVersion() { return SPI_VERSION; }
                    @Override public java.util.List<LayerFactory> layers() { return java.util.List.of(new EndingLayer()); }
                }
                """, """
                package com.ending;

                import java.util.List;
                import org.nnx.spi.Arguments;
                import org.nnx.spi.Layer;
                import org.nnx.spi.LayerContext;
                import org.nnx.spi.LayerFactory;
                import org.nnx.spi.ParameterSpec;
                import org.nnx.tensor.Tensor;

                /** The identity, which ends its process on a training batch of more than 4 rows when told how. */
                public final class EndingLayer implements LayerFactory {
                    @Override public String name() { return "ending"; }
                    @Override public String description() { return "the identity, until it ends its process"; }
                    @Override public List<ParameterSpec> parameters() {
                        List<String> ways = List.of("none", "exit", "halt", "oom", "crash", "slow", "throw");
                        return List.of(ParameterSpec.choice("how", "none", ways, "how to end on a training batch"));
                    }
                    @Override public Layer create(Arguments arguments, LayerContext context) {
                        String how = arguments.string("how");
                        return new Layer() {
                            @Override public Tensor forward(Tensor input, boolean training) {
                                if (training && input.rows() > 4) End.now(how);
                                return input;
                            }
                            @Override public Tensor backward(Tensor outputGradient) { return outputGradient; }
                        };
                    }
                }
                """, """
                package com.ending;

                import java.util.ArrayList;
                import java.util.List;

                /** The ways a plugin can end the process it runs in. */
                public final class End {
                    static final List<long[]> HELD = new ArrayList<>();

                    public static void now(String how) {
                        try {
                            switch (how) {
                                case "exit" -> System.exit(3);
                                case "halt" -> Runtime.getRuntime().halt(7);
                                case "oom" -> HELD.add(new long[(int) Math.min(
                                        Integer.MAX_VALUE - 16, Runtime.getRuntime().maxMemory() / 8 + 1024)]);
                                case "crash" -> {
                                    var field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
                                    field.setAccessible(true);
                                    Object unsafe = field.get(null);
                                    unsafe.getClass().getMethod("putAddress", long.class, long.class)
                                            .invoke(unsafe, 0L, 42L);
                                }
                                case "slow" -> Thread.sleep(3);
                                case "throw" -> throw new IllegalStateException("thrown on a training batch");
                                default -> { }
                            }
                        } catch (ReflectiveOperationException | InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                """);
        Path classes = PluginJars.compile(sources, build.resolve("classes"));
        plugins = Files.createDirectory(build.resolve("plugins"));
        PluginJars.jar(
                plugins.resolve("ending.jar"), classes, List.of("com/ending/"), "com.ending.EndingPlugin\n", null);
    }

    /** Where each test writes its files and reports. */
    @TempDir
    Path dir;

    /** nnx with no default plugin folder: only {@link #plugins}, given with {@code --plugins}. */
    private final CliHarness cli = CliHarness.withPluginFolder(Path.of("no-default-plugins-for-worker-tests"));

    private Path sweep(String hows) throws IOException {
        return Files.writeString(dir.resolve("ending.nnx"), """
                experiment ending {
                    dataset mnist, limit = 200
                    model {
                        dense 20
                        ending how = HOWS
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    batch_size 50
                    epochs 1
                    seed 5
                }
                """.replace("HOWS", hows));
    }

    private int run(Path file, Path out, String... more) {
        return runWith(plugins, file, out, more);
    }

    private int runWith(Path pluginFolder, Path file, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(
                List.of("run", file.toString(), "--plugins", pluginFolder.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void aPluginThatCallsSystemExitFailsItsRunWhileTheOthersFinishAndTheReportIsWritten() throws IOException {
        Path reports = dir.resolve("reports");
        assertEquals(1, run(sweep("none | exit"), reports), cli.stderr());
        String stdout = cli.stdout();
        assertTrue(stdout.contains("[1/2] ending.how=none: ok, "), stdout);
        assertTrue(stdout.contains("[2/2] ending.how=exit: failed (ending.jar: plugin called System.exit(3))"), stdout);
        List<String> summary = Files.readAllLines(reports.resolve("ending/summary.csv"));
        assertEquals(3, summary.size(), summary.toString());
        assertTrue(summary.get(1).startsWith("ending.how=none,ok,"), summary.get(1));
        assertTrue(summary.get(2).startsWith("ending.how=exit,failed,"), summary.get(2));
        assertTrue(summary.get(2).endsWith(",ending.jar: plugin called System.exit(3)"), summary.get(2));
        assertTrue(Files.isRegularFile(reports.resolve("ending/index.html")));
        assertFalse(cli.stderr().contains("\tat "), "a trace only with --debug: " + cli.stderr());
        try (var files = Files.walk(reports.resolve("ending/runs"))) {
            List<Path> traces = files.filter(f -> f.getFileName().toString().equals("failure.txt"))
                    .toList();
            assertEquals(1, traces.size(), traces.toString());
            String trace = Files.readString(traces.get(0));
            assertTrue(trace.contains("ending.jar//com.ending.End.now"), trace);
        }
    }

    @Test
    void debugPrintsTheStackOfTheCallToSystemExit() throws IOException {
        assertEquals(1, run(sweep("exit"), dir.resolve("reports"), "--debug"), cli.stderr());
        assertTrue(cli.stdout().contains("failed (ending.jar: plugin called System.exit(3))"), cli.stdout());
        assertTrue(cli.stderr().contains("System.exit called on thread "), cli.stderr());
        assertTrue(cli.stderr().contains("java.lang.System.exit(System.java:"), cli.stderr());
        assertTrue(cli.stderr().contains("\tat ending.jar//com.ending.End.now"), cli.stderr());
    }

    @Test
    void aPluginThatHaltsTheJvmFailsItsRun() throws IOException {
        Path reports = dir.resolve("reports");
        assertEquals(1, run(sweep("halt"), reports), cli.stderr());
        assertTrue(cli.stdout().contains("failed (ending.jar: plugin halted the JVM (status 7))"), cli.stdout());
        assertTrue(Files.isRegularFile(reports.resolve("ending/index.html")));
    }

    @Test
    void aPluginThatRunsOutOfMemoryFailsItsRunNamingTheHeap() throws IOException {
        assertEquals(1, run(sweep("oom"), dir.resolve("reports")), cli.stderr());
        long heap = Runtime.getRuntime().maxMemory() >> 20;
        assertTrue(
                cli.stdout().contains("failed (ending.jar: ran out of memory (heap " + heap + " MiB))"), cli.stdout());
    }

    @Test
    void aPluginThatCrashesTheJvmFailsItsRun() throws IOException {
        Path reports = dir.resolve("reports");
        assertEquals(1, run(sweep("crash"), reports), cli.stderr());
        assertTrue(cli.stdout().contains("failed (ending.jar: JVM crashed (signal SIGSEGV))"), cli.stdout());
        String trace = Files.readString(reports.resolve("ending/runs/ending/failure.txt"));
        assertTrue(trace.contains("A fatal error has been detected"), trace);
    }

    @Test
    void aWorkersRunGivesTheMetricsAndWeightsOfARunInNnxsOwnProcess() throws IOException {
        Path file = Files.writeString(
                dir.resolve("kept.nnx"),
                Files.readString(sweep("none"))
                        .replace("epochs 1", "epochs 3")
                        .replace("seed 5", "keep best = test_accuracy\n    seed 5"));
        Path inWorker = dir.resolve("worker");
        assertEquals(0, run(file, inWorker), cli.stderr());
        Path inProcess = dir.resolve("in-process");
        assertEquals(0, runInProcess(file, inProcess));
        assertSameRun(inProcess, inWorker);
        assertArrayEquals(
                Files.readAllBytes(inProcess.resolve("ending/runs/ending/best.safetensors")),
                Files.readAllBytes(inWorker.resolve("ending/runs/ending/best.safetensors")),
                "the kept best weights, bit for bit");
    }

    @Test
    void aWorkersRunStopsWhenAskedAndResumesBitForBit() throws Exception {
        // Long enough (120 steps of a layer that sleeps) that the stop lands after the first checkpoint and
        // well before the end, however fast or loaded the machine.
        Path file = Files.writeString(
                dir.resolve("slow.nnx"),
                Files.readString(sweep("slow")).replace("epochs 1", "epochs 12").replace("limit = 200", "limit = 600"));
        Path whole = dir.resolve("whole");
        assertEquals(0, run(file, whole), cli.stderr());

        Path stopped = dir.resolve("stopped");
        Path checkpoint = stopped.resolve("ending/runs/ending/checkpoint.safetensors");
        runStoppedOnceWritten(file, stopped, () -> Files.exists(checkpoint));

        assertEquals(0, run(file, stopped, "--resume"), cli.stderr());
        assertSameRun(whole, stopped);
    }

    /** What says when to stop: a file the run writes exists. */
    private interface Written {
        boolean yet() throws IOException;
    }

    /** {@code nnx run} of {@code file} into {@code out}, stopped as by Ctrl-C once {@code written} holds. */
    private static void runStoppedOnceWritten(Path file, Path out, Written written) throws InterruptedException {
        StopSignal stop = new StopSignal();
        Thread stopper = new Thread(() -> {
            try {
                while (!written.yet()) {
                    Thread.sleep(5);
                }
                stop.request();
            } catch (InterruptedException | IOException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(said, true, StandardCharsets.UTF_8);
        int status = new Cli(print, print, stop, false, Path.of("no-default-plugins-for-worker-tests"))
                .run(new String[] {"run", file.toString(), "--plugins", plugins.toString(), "--out", out.toString()});
        stopper.join();
        String text = said.toString(StandardCharsets.UTF_8);
        assertEquals(ExitStatus.INTERRUPTED, status, text);
        assertTrue(text.contains(": stopped"), text);
    }

    /**
     * A halving search whose trials draw the plugin layer's {@code how} from {@code hows}: 4 trials of 4 epochs,
     * ruled on after 1 and 2.
     */
    private Path halving(String hows, String learningRates, int seed) throws IOException {
        return Files.writeString(
                dir.resolve("halving.nnx"),
                Files.readString(sweep(hows))
                        .replace("experiment ending", "experiment halving")
                        .replace("limit = 200", "limit = 200\n    validation 0.2")
                        .replace("learning_rate 0.1", "learning_rate " + learningRates)
                        .replace("epochs 1", "epochs 4")
                        .replace(
                                "seed 5",
                                "seed " + seed
                                        + "\n    search halving(trials = 4, min = 1 epoch, factor = 2, metric = val_loss)"));
    }

    @Test
    void aHalvingTrialWhosePluginCallsSystemExitFailsAloneAndTheOthersAreRuledAsWithoutIt() throws IOException {
        // Seed 23 draws how = exit for the third trial alone.
        Path file = halving("none | exit", "0.03 | 0.1 | 0.3", 23);
        Path reports = dir.resolve("reports");
        assertEquals(1, run(file, reports), cli.stderr());
        List<String> summary = Files.readAllLines(reports.resolve("halving/summary.csv"));
        assertEquals(5, summary.size(), summary.toString());
        List<String> exits =
                summary.stream().filter(row -> row.contains("ending.how=exit")).toList();
        assertEquals(1, exits.size(), summary.toString());
        assertTrue(exits.get(0).startsWith("\"trial=3,ending.how=exit,"), exits.get(0));
        assertTrue(exits.get(0).contains(",failed,"), exits.get(0));
        // Its rung is the first, which it never reached.
        assertTrue(exits.get(0).endsWith(",ending.jar: plugin called System.exit(3),1"), exits.get(0));
        assertTrue(summary.stream().anyMatch(row -> row.contains(",pruned,")), "a trial was pruned: " + summary);
        assertTrue(summary.stream().anyMatch(row -> row.contains(",ok,")), "a trial trained to the end: " + summary);
        assertTrue(Files.isRegularFile(reports.resolve("halving/index.html")));

        // In nnx's own process the same trial fails by an exception instead: the others are ruled the same.
        Path inProcess = dir.resolve("in-process");
        Files.writeString(file, Files.readString(file).replace("none | exit", "none | throw"));
        assertEquals(1, runInProcess(file, inProcess));
        List<String> expected = Files.readAllLines(inProcess.resolve("halving/summary.csv"));
        for (int i = 1; i < summary.size(); i++) {
            if (summary.get(i).contains("ending.how=exit")) {
                assertTrue(expected.get(i).contains(",failed,"), expected.get(i));
            } else {
                assertEquals(
                        withoutTimes(expected.get(0), expected.get(i)), withoutTimes(summary.get(0), summary.get(i)));
            }
        }
    }

    /** Runs the halving search over the layer's {@code how} into {@code out}, where it ends well; its file. */
    private Path searchedInWorkers(String how, Path out) throws IOException {
        Path file = halving(how, "0.01 | 0.03 | 0.1 | 0.3 | 1", 5);
        assertEquals(0, run(file, out), cli.stderr());
        return file;
    }

    @Test
    void aHalvingSearchInWorkersGivesTheStatusesMetricsAndWeightsOfOneInNnxsOwnProcess() throws IOException {
        Path inWorkers = dir.resolve("workers");
        Path file = searchedInWorkers("none", inWorkers);
        Path inProcess = dir.resolve("in-process");
        assertEquals(0, runInProcess(file, inProcess));
        String summary = Files.readString(inWorkers.resolve("halving/summary.csv"));
        assertTrue(summary.contains(",pruned,"), summary);
        assertSameSearch(inProcess, inWorkers);
    }

    @Test
    void aHalvingSearchInWorkersStoppedAndResumedEndsAsTheSearchThatWasNeverStopped() throws Exception {
        Path whole = dir.resolve("whole");
        Path file = searchedInWorkers("slow", whole);

        Path stopped = dir.resolve("stopped");
        Path runs = stopped.resolve("halving/runs");
        // Once a trial has written a checkpoint, after its first epoch: some trials end stopped, to be resumed.
        runStoppedOnceWritten(file, stopped, () -> checkpointed(runs));

        assertEquals(0, run(file, stopped, "--resume"), cli.stderr());
        assertSameSearch(whole, stopped);
    }

    /** Whether any run under {@code runs} has written a checkpoint. */
    private static boolean checkpointed(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return false;
        }
        try (var files = Files.walk(runs)) {
            return files.anyMatch(f -> f.getFileName().toString().equals("checkpoint.safetensors"));
        }
    }

    /**
     * A dataset of two classes, 40 training and 20 test samples, that ends its process with status 4 when it is
     * summarized for the report (and only then).
     */
    private static final String UNSUMMARIZED = PluginJars.pluginSource("data", "DataPlugin", "data", """
            public List<DatasetFactory> datasets() {
                return List.of(new DatasetFactory() {
                    public String name() { return "unsummarized"; }
                    public String description() { return "two classes that cannot be summarized"; }
                    public Dataset load(Arguments arguments, DatasetContext context) {
                        return new Dataset() {
                            public Split train() { return split(40); }
                            public Split test() { return split(20); }
                            public int features() { return 2; }
                            public List<String> classNames() { return List.of("low", "high"); }
                            public String description() { return "unsummarized"; }
                        };
                    }
                });
            }

            static Split split(int size) {
                return new Split() {
                    public int size() { return size; }
                    public int label(int index) {
                        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
                            if (frame.getClassName().equals("org.nnx.train.DatasetSummary")) {
                                System.exit(4);
                            }
                        }
                        return index % 2;
                    }
                    public void features(int[] indices, int from, int count, Tensor into) {
                        for (int row = 0; row < count; row++) {
                            int sample = indices[from + row];
                            into.set(row, 0, sample % 2);
                            into.set(row, 1, sample % 3);
                        }
                    }
                };
            }
            """);

    @Test
    void aPluginDatasetThatEndsItsProcessWhenSummarizedLeavesTheReportSayingWhy() throws IOException {
        Path folder = PluginJars.pluginFolder(dir.resolve("data-plugin"), "data.jar", "data.DataPlugin", UNSUMMARIZED);
        Path file = Files.writeString(dir.resolve("data.nnx"), """
                experiment data {
                    dataset unsummarized
                    model {
                        dense 2
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    batch_size 10
                    epochs 1
                    seed 5
                }
                """);
        Path reports = dir.resolve("reports");
        assertEquals(0, runWith(folder, file, reports), cli.stderr());
        assertTrue(cli.stdout().contains("\n  data: ok, train "), cli.stdout());
        List<String> summary = Files.readAllLines(reports.resolve("data/summary.csv"));
        assertTrue(summary.get(1).startsWith("data,ok,"), summary.toString());
        String report = Files.readString(reports.resolve("data/index.html"));
        assertTrue(
                report.contains("<p>The data summary is unavailable: data.jar: plugin called System.exit(4)</p>"),
                report);
        assertTrue(Files.isRegularFile(reports.resolve("data/runs/data/model.safetensors")));
    }

    /** A row of summary.csv without the columns that say how long it took. */
    private static String withoutTimes(String header, String row) {
        return ResumeAfterKillTest.withoutColumns(header + "\n" + row + "\n", "seconds", "samples_per_second");
    }

    /** The halving search in two output folders: every trial's status, rung, reason, rows and weights. */
    private static void assertSameSearch(Path expected, Path actual) throws IOException {
        assertEquals(
                ResumeAfterKillTest.withoutColumns(
                        Files.readString(expected.resolve("halving/summary.csv")), "seconds", "samples_per_second"),
                ResumeAfterKillTest.withoutColumns(
                        Files.readString(actual.resolve("halving/summary.csv")), "seconds", "samples_per_second"),
                "every trial's status, rung and reason");
        assertSameRuns(expected.resolve("halving"), actual.resolve("halving"));
    }

    /** Every run of an experiment's two output folders: each metrics row but its time, and the weights' bits. */
    private static void assertSameRuns(Path expected, Path actual) throws IOException {
        List<Path> runs;
        try (var folders = Files.list(expected.resolve("runs"))) {
            runs = folders.map(Path::getFileName).sorted().toList();
        }
        try (var folders = Files.list(actual.resolve("runs"))) {
            assertEquals(runs, folders.map(Path::getFileName).sorted().toList(), "the runs' folders");
        }
        for (Path run : runs) {
            assertSameRunIn(
                    expected.resolve("runs").resolve(run),
                    actual.resolve("runs").resolve(run));
        }
    }

    /** The run of {@code ending} in two output folders: every metrics row but its time, and the weights' bits. */
    private static void assertSameRun(Path expected, Path actual) throws IOException {
        assertSameRunIn(expected.resolve("ending/runs/ending"), actual.resolve("ending/runs/ending"));
    }

    /** One run's folder in two places: every metrics row but its time, and the weights' bits. */
    private static void assertSameRunIn(Path a, Path b) throws IOException {
        assertEquals(
                ResumeAfterKillTest.withoutSeconds(Files.readString(a.resolve("metrics.csv"))),
                ResumeAfterKillTest.withoutSeconds(Files.readString(b.resolve("metrics.csv"))),
                "every metrics row");
        assertArrayEquals(
                Files.readAllBytes(a.resolve("model.safetensors")),
                Files.readAllBytes(b.resolve("model.safetensors")),
                "the weights, bit for bit");
    }

    /** {@code nnx run} as it trained before worker processes: every run in nnx's own process. */
    private int runInProcess(Path file, Path out) {
        Terminal terminal = new Terminal(
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), false);
        CommandEnvironment environment = new CommandEnvironment(
                terminal, new StopSignal(), Path.of("no-default-plugins-for-worker-tests"), false);
        try (LoadedPlugins loaded = Registries.load(List.of(plugins), warning -> {})) {
            DatasetLoader datasets = new DatasetLoader(loaded.registry());
            Plans plans = new FileAnalysis(loaded, datasets, terminal).analyze(List.of(file));
            return new Training(environment, loaded.registry(), datasets, out).run(plans, List.of(file), null);
        } catch (org.nnx.plugin.PluginStartupException e) {
            throw new AssertionError(e);
        }
    }
}
