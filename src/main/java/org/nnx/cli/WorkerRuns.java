package org.nnx.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.plugin.ChildJvm;
import org.nnx.registry.ComponentRegistry;
import org.nnx.tensor.Blas;
import org.nnx.tensor.JavaBlas;
import org.nnx.train.DataOverview;
import org.nnx.train.IsolatedRun;
import org.nnx.train.PluginProvenance;
import org.nnx.train.RunGate;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.StopSignal;
import org.nnx.train.TrainingListener;

/**
 * Trains each run that uses a plugin's code in a {@link Worker} process of its own: the same java, class path
 * and JVM options as nnx, and the same plugin folders. The worker tells nnx what the run tells its listener, so
 * nnx writes the run's files as for a run in its own process. When the worker ends without a result (the plugin
 * called {@code System.exit}, halted the JVM, ran it out of memory or crashed it), that run alone fails, with a
 * reason naming the plugin's jar and what happened.
 */
final class WorkerRuns implements RunEngine.Runs {
    /** The JVM writes this when it ends for lack of memory ({@code -XX:+ExitOnOutOfMemoryError}). */
    static final String OUT_OF_MEMORY = "Terminating due to java.lang.OutOfMemoryError";

    /** The command that stops a worker's run after its iteration. */
    static final String STOP = "stop";

    private static final String CRASH = "# A fatal error has been detected by the Java Runtime Environment";
    /** The worker's last lines of output that are not messages, kept for the trace of a worker that died. */
    private static final int KEPT_LINES = 40;

    private static final String[] SIGNALS = {
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
        "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"
    };

    private final ComponentRegistry registry;
    private final List<Path> pluginFolders;
    private final Path lockFile;
    private final boolean chooseBlas;
    private final StopSignal stop;
    private final Terminal terminal;

    /**
     * @param pluginFolders the folders nnx loaded plugin jars from, which the worker loads them from too
     * @param lockFile      {@code plugins.lock}, whether or not it exists
     * @param chooseBlas    whether nnx chose its BLAS backend, which the worker then chooses the same way
     */
    WorkerRuns(
            ComponentRegistry registry,
            List<Path> pluginFolders,
            Path lockFile,
            boolean chooseBlas,
            StopSignal stop,
            Terminal terminal) {
        this.registry = registry;
        this.pluginFolders = List.copyOf(pluginFolders);
        this.lockFile = lockFile;
        this.chooseBlas = chooseBlas;
        this.stop = stop;
        this.terminal = terminal;
    }

    /** Runs side by side on the cores nnx has; each worker process takes its run's share. */
    @Override
    public int runsAtOnce(int localCores) {
        return localCores;
    }

    /** Each worker process ends with its run. */
    @Override
    public void close() {}

    @Override
    public boolean isolates(RunPlan run) {
        return !PluginProvenance.jars(registry, run.config()).isEmpty();
    }

    /** A worker asks nnx for its trial's ruling at each rung, on its stdin. */
    @Override
    public boolean asksAtRungs() {
        return true;
    }

    @Override
    public RunResult train(IsolatedRun isolated, TrainingListener listener) {
        RunPlan run = isolated.run();
        String jars = String.join(", ", PluginProvenance.jars(registry, run.config()));
        Process process;
        String first;
        try {
            first = RunReplay.firstCommand(isolated.resumeFrom());
            process = new ProcessBuilder(command(isolated.plan(), isolated.index(), isolated.cores())).start();
        } catch (IOException e) {
            return finished(
                    listener,
                    RunResult.notRun(
                            run,
                            RunStatus.FAILED,
                            jars + ": cannot start a worker process for the plugin: " + e.getMessage()));
        }
        WorkerProcess worker = new WorkerProcess(run, listener, process, isolated.gate());
        try {
            int status = worker.follow(first);
            if (worker.replay.result().isPresent()) {
                return worker.replay.result().get();
            }
            return worker.replay.diedWith(status, worker.kept(), jars);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return finished(listener, RunResult.notRun(run, RunStatus.STOPPED, "interrupted"));
        }
    }

    @Override
    public boolean isolatesData(RunPlan run) {
        return PluginProvenance.datasetJar(registry, run.config()).isPresent();
    }

    /**
     * The report's overview of run {@code index}'s data from a worker process asked for it alone: a plugin's
     * dataset that ends or crashes its process there loses the overview, and says why, but nothing else.
     */
    @Override
    public DataOverview data(ExperimentPlan plan, int index) {
        RunPlan run = plan.runs().get(index);
        String jar = PluginProvenance.datasetJar(registry, run.config()).orElse("");
        Process process;
        try {
            process = new ProcessBuilder(command(plan, index, 1, false)).start();
        } catch (IOException e) {
            return DataOverview.unavailable(
                    jar + ": cannot start a process to summarize the plugin's data: " + e.getMessage());
        }
        WorkerProcess worker = new WorkerProcess(run, TrainingListener.NONE, process, RunGate.NONE);
        try {
            int status = worker.follow(WorkerMessages.DATA_COMMAND);
            if (worker.replay.data().isPresent()) {
                return worker.replay.data().get();
            }
            // A worker that could not check the file again says why in a run's result.
            return DataOverview.unavailable(worker.replay
                    .result()
                    .map(RunResult::reason)
                    .orElseGet(() -> worker.replay.deathReason(status, worker.kept(), jar)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return DataOverview.unavailable("interrupted");
        }
    }

    /** {@code java [nnx's JVM options] -cp [nnx's class path] org.nnx.cli.Worker …}. */
    private List<String> command(ExperimentPlan plan, int index, int cores) {
        // A worker starts with the pure-Java BLAS; any other backend nnx runs with, it chooses as nnx does, so
        // that the run's products round as they would in nnx's own process.
        return command(plan, index, cores, chooseBlas || !(Blas.current() instanceof JavaBlas));
    }

    private List<String> command(ExperimentPlan plan, int index, int cores, boolean chooseBlas) {
        List<String> command = childCommand("nnx-worker", Worker.class);
        command.add(String.valueOf(plan.source()));
        command.add(plan.name());
        command.add(Integer.toString(index));
        command.add(plan.runs().get(index).name());
        command.add(Integer.toString(cores));
        command.add(Boolean.toString(chooseBlas));
        command.add(lockFile.toString());
        pluginFolders.forEach(folder -> command.add(folder.toString()));
        return command;
    }

    /**
     * {@code java [nnx's JVM options] -cp [nnx's class path] main}, for a process plugin code may end: it ends at
     * once when out of memory, and a crash report goes to the temporary folder as {@code NAME-hs_err_pid<N>.log}.
     */
    static List<String> childCommand(String name, Class<?> main) {
        return ChildJvm.command(
                List.of(
                        "-XX:+ExitOnOutOfMemoryError",
                        "-XX:-CreateCoredumpOnCrash",
                        "-XX:ErrorFile=" + Path.of(System.getProperty("java.io.tmpdir"), name + "-hs_err_pid%p.log")),
                main);
    }

    private static RunResult finished(TrainingListener listener, RunResult result) {
        listener.runFinished(result);
        return result;
    }

    /**
     * Why a worker ended without a result, in one line naming the jar.
     *
     * @param exitCaller the jar whose code called {@code System.exit}, empty when it was not called (or the
     *                   caller's jar is not known), null when the process did not end by {@code System.exit}
     * @param output     the worker's last lines of output that were not messages
     */
    static String deathReason(int status, String exitCaller, List<String> output, long heapBytes, String jars) {
        String where = exitCaller == null || exitCaller.isEmpty() ? jars : exitCaller;
        if (output.stream().anyMatch(line -> line.startsWith(OUT_OF_MEMORY))) {
            return where + ": ran out of memory (heap " + (heapBytes >> 20) + " MiB)";
        }
        if (exitCaller != null) {
            return where + ": plugin called System.exit(" + status + ")";
        }
        if (output.stream().anyMatch(line -> line.startsWith(CRASH))) {
            return where + ": JVM crashed (signal " + crashSignal(output, status) + ")";
        }
        if (status > 128 && status - 128 < SIGNALS.length) {
            return where + ": the worker process was killed (signal " + SIGNALS[status - 128] + ")";
        }
        return where + ": plugin halted the JVM (status " + status + ")";
    }

    /** The signal the JVM's crash report names ({@code #  SIGSEGV (0xb) at pc=…}), else the one that ended it. */
    private static String crashSignal(List<String> output, int status) {
        for (String line : output) {
            String text = line.startsWith("#") ? line.substring(1).strip() : "";
            if (text.startsWith("SIG")) {
                int end = text.indexOf(' ');
                return end < 0 ? text : text.substring(0, end);
            }
        }
        return status > 128 && status - 128 < SIGNALS.length ? SIGNALS[status - 128] : "unknown";
    }

    /** One worker process, from its start to its end. */
    private final class WorkerProcess {
        private final Process process;
        private final Deque<String> output = new ArrayDeque<>();
        private final RunReplay replay;
        /** nnx's commands to the worker, from the thread that passes a stop and the one that rules at rungs. */
        private final Writer commands;

        WorkerProcess(RunPlan run, TrainingListener listener, Process process, RunGate gate) {
            this.process = process;
            this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.replay = new RunReplay(run, listener, gate, this::rule);
        }

        /** Sends the worker its first command and follows it to its end; its exit status. */
        int follow(String firstCommand) throws InterruptedException {
            Thread errors = new Thread(this::relayErrors, "nnx-worker-stderr");
            errors.setDaemon(true);
            errors.start();
            Thread stopper = new Thread(this::passStop, "nnx-worker-stop");
            stopper.setDaemon(true);
            try {
                command(firstCommand);
                stopper.start();
            } catch (IOException e) {
                // The worker is gone already; what it left says why.
            }
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (!replay.accept(line)) {
                        keep(line);
                    }
                }
            } catch (IOException e) {
                keep("cannot read from the worker process: " + e.getMessage());
            }
            int status = process.waitFor();
            errors.join();
            stopper.interrupt();
            return status;
        }

        /** The worker's last lines of output that were not messages. */
        List<String> kept() {
            synchronized (output) {
                return List.copyOf(output);
            }
        }

        /** What the plugin prints goes to nnx's stderr as it comes; the last lines are kept too. */
        private void relayErrors() {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    keep(line);
                    terminal.err().println(Terminal.printable(line));
                }
            } catch (IOException e) {
                // The worker is gone: so is its stderr.
            }
        }

        private void keep(String line) {
            synchronized (output) {
                output.addLast(line);
                if (output.size() > KEPT_LINES) {
                    output.removeFirst();
                }
            }
        }

        /** Tells the worker to stop after its iteration once the user asks nnx to. */
        private void passStop() {
            try {
                while (process.isAlive() && !stop.requested()) {
                    Thread.sleep(100);
                }
                if (process.isAlive()) {
                    command(STOP);
                }
            } catch (InterruptedException | IOException e) {
                // The run ended, or the worker did: nothing to stop.
            }
        }

        /**
         * Tells the worker waiting at a rung the search's ruling. A ruling made once the user asked to stop may
         * count trials stopped short of the rung: the stop goes first, so that the trial ends stopped, as in nnx's
         * own process, and is ruled on again when resumed.
         */
        private void rule(String ruling) {
            try {
                synchronized (commands) {
                    if (stop.requested()) {
                        command(STOP);
                    }
                    command(ruling);
                }
            } catch (IOException e) {
                // The worker is gone: what it left says why.
            }
        }

        private void command(String line) throws IOException {
            synchronized (commands) {
                commands.write(line + "\n");
                commands.flush();
            }
        }
    }
}
