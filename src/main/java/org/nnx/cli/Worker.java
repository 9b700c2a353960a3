package org.nnx.cli;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.plugin.PluginLock;
import org.nnx.plugin.PluginStartupException;
import org.nnx.plugin.Registries;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.DatasetLoader;
import org.nnx.tensor.BlasSelection;
import org.nnx.train.Checkpoint;
import org.nnx.train.DataOverview;
import org.nnx.train.ExperimentRunner;
import org.nnx.train.MetricsRow;
import org.nnx.train.ModelDescription;
import org.nnx.train.RunGate;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.Rungs;
import org.nnx.train.StopSignal;
import org.nnx.train.TestOutcome;
import org.nnx.train.TrainedModel;
import org.nnx.train.Trainer;
import org.nnx.train.TrainingListener;
import sun.misc.Signal;

/**
 * The worker process in which one run that uses a plugin trains ({@link WorkerRuns} starts it). It checks the
 * run's file again, with the same plugins, and trains the run of that name and index as nnx would in its own
 * process, telling nnx everything a run tells its listener ({@link WorkerMessages}) on its stdout. What the
 * plugin prints goes to stderr. nnx's own stdin says when to stop: a line {@code stop}, or its end; and for a
 * trial of {@code search halving}, which sends {@link WorkerMessages.Kind#RUNG} at each rung, the search's ruling
 * there ({@link WorkerMessages#ruling}).
 *
 * <p>Arguments: {@code FILE EXPERIMENT INDEX RUN-NAME CORES CHOOSE-BLAS LOCK-FILE PLUGIN-FOLDER...}; the
 * first line on stdin is {@code start}, or {@code resume BASE64} with the checkpoint to go on from, or {@code data}
 * for the report's overview of the first run's data ({@link WorkerMessages.Kind#DATA}) instead of training.
 */
public final class Worker {
    private static final long ITERATION_NANOS = 100_000_000L;
    /** What the commands' reader hands on in place of a ruling once nnx's end of stdin is closed. */
    private static final String NNX_GONE = "";

    private final Consumer<String> messages;
    private volatile boolean finished;

    private Worker(Consumer<String> messages) {
        this.messages = messages;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintStream messages = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        // A plugin that prints must not garble the messages: its stdout goes where its stderr goes.
        System.setOut(System.err);
        // Ctrl-C reaches every process of the terminal: nnx, not the worker, decides what it means.
        try {
            Signal.handle(new Signal("INT"), signal -> {});
        } catch (IllegalArgumentException e) {
            // No SIGINT here: nothing to ignore.
        }
        Worker worker = new Worker(messages::println);
        Runtime.getRuntime().addShutdownHook(new Thread(worker::exiting, "nnx-worker-exit"));
        worker.hello();
        // As nnx's own command: checking a deeply nested file recurses, on a thread with a large stack.
        Thread run = new Thread(null, () -> worker.runOrFail(args), "nnx-worker", Main.STACK_BYTES);
        run.start();
        try {
            run.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.finished = true;
        messages.flush();
        System.exit(0);
    }

    /**
     * Trains one run in this process as a worker process would, sending each message's line to {@code messages}
     * as it comes: how an engine that trains runs on other machines trains one there, for {@link RunReplay} to
     * replay where nnx writes the reports. Stopping it through {@code stop}, or interrupting the calling thread,
     * ends the run after its iteration.
     *
     * @param args         a worker process's arguments, {@code FILE EXPERIMENT INDEX RUN-NAME CORES CHOOSE-BLAS
     *                     LOCK-FILE PLUGIN-FOLDER...}
     * @param firstCommand what a worker process reads first ({@link RunReplay#firstCommand})
     */
    public static void train(List<String> args, String firstCommand, StopSignal stop, Consumer<String> messages) {
        Worker worker = new Worker(messages);
        worker.hello();
        String[] arguments = args.toArray(String[]::new);
        Thread run = new Thread(
                null,
                () -> worker.trainOrFail(arguments, () -> resumeFrom(firstCommand), stop),
                "nnx-run",
                Main.STACK_BYTES);
        run.start();
        try {
            run.join();
        } catch (InterruptedException e) {
            stop.request();
            joinUninterruptibly(run);
            Thread.currentThread().interrupt();
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void hello() {
        send(
                WorkerMessages.Kind.HELLO,
                out -> out.writeLong(Runtime.getRuntime().maxMemory()));
    }

    /** {@link #run}, and a result that says what went wrong when the worker itself fails. */
    private void runOrFail(String[] args) {
        try {
            run(args);
        } catch (RuntimeException | Error e) {
            failed(args.length > 3 ? args[3] : "", "the worker process failed: " + e);
        }
    }

    private void trainOrFail(String[] args, ResumePoint resumeFrom, StopSignal stop) {
        try {
            train(args, resumeFrom.read(), stop);
        } catch (IOException e) {
            failed(args.length > 3 ? args[3] : "", "cannot read what to train from nnx: " + e.getMessage());
        } catch (RuntimeException | Error e) {
            failed(args.length > 3 ? args[3] : "", "the run's process failed: " + e);
        }
    }

    /** The checkpoint a run goes on from, read from what nnx sent. */
    private interface ResumePoint {
        Optional<Checkpoint> read() throws IOException;
    }

    private int run(String[] args) {
        String runName = args[3];
        StopSignal stop = new StopSignal();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Optional<Checkpoint> resumeFrom;
        try {
            String first = commands.readLine();
            if (WorkerMessages.DATA_COMMAND.equals(first)) {
                return summarize(args);
            }
            resumeFrom = resumeFrom(first);
        } catch (IOException e) {
            return failed(runName, "cannot read what to train from nnx: " + e.getMessage());
        }
        BlockingQueue<String> rulings = new LinkedBlockingQueue<>();
        Thread listener = new Thread(() -> listen(commands, stop, rulings), "nnx-worker-commands");
        listener.setDaemon(true);
        listener.start();
        return train(args, resumeFrom, stop, new AskingNnx(rulings));
    }

    private int train(String[] args, Optional<Checkpoint> resumeFrom, StopSignal stop) {
        return train(args, resumeFrom, stop, null);
    }

    /** @param ruling what rules on a trial of {@code search halving} at its rungs; null where none can */
    private int train(String[] args, Optional<Checkpoint> resumeFrom, StopSignal stop, Rungs.Ruling ruling) {
        return withPlan(args, (plugins, datasets, plan) -> {
            int index = Integer.parseInt(args[2]);
            int cores = Integer.parseInt(args[4]);
            stop.trainingStarts();
            ExperimentRunner runner =
                    new ExperimentRunner(new Trainer(plugins.registry(), stop), datasets, stop, cores);
            RunGate gate = ruling == null ? RunGate.NONE : Rungs.of(plan, ruling);
            RunResult result = runner.trainHere(plan, index, new Relay(), resumeFrom, gate);
            send(WorkerMessages.Kind.FINISHED, out -> WorkerMessages.writeResult(out, result));
        });
    }

    /** Sends the report's overview of the run's data instead of training. */
    private int summarize(String[] args) {
        int index = Integer.parseInt(args[2]);
        return withPlan(args, (plugins, datasets, plan) -> {
            DataOverview overview = ExperimentRunner.overviewHere(plan, index, datasets);
            send(WorkerMessages.Kind.DATA, out -> WorkerMessages.writeOverview(out, overview));
        });
    }

    /** What the worker does with the run's plan, once its file is checked again here. */
    private interface PlanWork {
        void with(LoadedPlugins plugins, DatasetLoader datasets, ExperimentPlan plan);
    }

    /** Checks the run's file again with the same plugins, chooses the BLAS as nnx did, and does {@code work}. */
    private int withPlan(String[] args, PlanWork work) {
        Path file = Path.of(args[0]);
        String experiment = args[1];
        int index = Integer.parseInt(args[2]);
        String runName = args[3];
        boolean chooseBlas = Boolean.parseBoolean(args[5]);
        Path lock = Path.of(args[6]);
        List<Path> folders = new ArrayList<>();
        for (int i = 7; i < args.length; i++) {
            folders.add(Path.of(args[i]));
        }
        // The file's diagnostics, kept for the reason of a run whose file no longer checks here.
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        Terminal quiet = new Terminal(
                new PrintStream(OutputStream.nullOutputStream()),
                new PrintStream(diagnostics, true, StandardCharsets.UTF_8),
                false);
        try (LoadedPlugins plugins = Registries.load(folders, PluginLock.read(lock), warning -> {}, false)) {
            DatasetLoader datasets = new DatasetLoader(plugins.registry());
            Plans plans = new FileAnalysis(plugins, datasets, quiet).analyzeRun(file, experiment, index);
            Optional<ExperimentPlan> plan = plans.experiments().stream()
                    .filter(p -> p.name().equals(experiment))
                    .findFirst();
            if (plan.isEmpty()
                    || plan.get().runs().size() <= index
                    || !plan.get().runs().get(index).name().equals(runName)) {
                return failed(runName, file + " no longer has run " + runName + " of experiment " + experiment);
            }
            if (chooseBlas) {
                BlasSelection.install();
            }
            work.with(plugins, datasets, plan.get());
            return 0;
        } catch (PluginStartupException e) {
            return failed(runName, String.join("; ", e.problems()));
        } catch (CommandFailure e) {
            String why = e.getMessage().isEmpty()
                    ? diagnostics
                            .toString(StandardCharsets.UTF_8)
                            .lines()
                            .findFirst()
                            .orElse("")
                    : e.getMessage();
            return failed(runName, file + " could not be checked again in the worker process: " + why);
        } catch (BlasSelection.BlasUnavailableException e) {
            return failed(runName, e.getMessage());
        }
    }

    private static Optional<Checkpoint> resumeFrom(String first) throws IOException {
        if (first == null || !first.startsWith("resume ")) {
            return Optional.empty();
        }
        byte[] bytes = Base64.getDecoder().decode(first.substring("resume ".length()));
        return Optional.of(WorkerMessages.readCheckpoint(new DataInputStream(new ByteArrayInputStream(bytes))));
    }

    /**
     * Reads nnx's commands: stops the run after its iteration when nnx says {@code stop}, or when nnx is gone, and
     * hands on the rulings at rungs, in order, ending with {@link #NNX_GONE} when there will be none.
     */
    private static void listen(BufferedReader commands, StopSignal stop, BlockingQueue<String> rulings) {
        try {
            for (String line; (line = commands.readLine()) != null; ) {
                if (line.equals(WorkerRuns.STOP)) {
                    stop.request();
                } else {
                    rulings.add(line);
                }
            }
        } catch (IOException e) {
            // nnx is gone: stop as asked.
        }
        stop.request();
        rulings.add(NNX_GONE);
    }

    /** At each rung, tells nnx where the trial is and how it scored, and waits for the search's ruling there. */
    private final class AskingNnx implements Rungs.Ruling {
        private final BlockingQueue<String> rulings;

        AskingNnx(BlockingQueue<String> rulings) {
            this.rulings = rulings;
        }

        @Override
        public Optional<String> rule(int rung, long iteration, long iterationsPerEpoch, MetricsRow evaluated)
                throws InterruptedException {
            send(
                    WorkerMessages.Kind.RUNG,
                    out -> WorkerMessages.writeRung(out, iteration, iterationsPerEpoch, evaluated));
            String line = rulings.take();
            if (line.equals(NNX_GONE)) {
                // The stop is requested already: the trial ends stopped, to be ruled on again when resumed.
                return Optional.of("nnx ended before ruling on rung " + (rung + 1));
            }
            try {
                return WorkerMessages.readRuling(line);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }

    /** A failure of the worker itself, before the run could train. */
    private int failed(String runName, String reason) {
        RunResult result = RunResult.notRun(new RunPlan(runName, SweptValues.NONE, null), RunStatus.FAILED, reason);
        send(WorkerMessages.Kind.FINISHED, out -> WorkerMessages.writeResult(out, result));
        return 0;
    }

    private synchronized void send(WorkerMessages.Kind kind, WorkerMessages.Body body) {
        messages.accept(WorkerMessages.line(kind, body));
    }

    /**
     * Runs as the process ends. Unless the run's result went out, someone called {@code System.exit}: it tells nnx
     * whose jar the caller's code is in, and the caller's stack.
     */
    private void exiting() {
        if (finished) {
            return;
        }
        ExitCaller.find()
                .ifPresent(caller -> send(WorkerMessages.Kind.EXIT, out -> {
                    WorkerMessages.writeString(out, caller.jar());
                    WorkerMessages.writeString(out, caller.trace());
                }));
    }

    /** Tells nnx what the run tells its listener; iterations at most every 100 ms, and where nnx prints them. */
    private final class Relay implements TrainingListener {
        private long iterations;
        private long nextPlainLine;
        private long lastSent;

        @Override
        public void runStarted(RunPlan run, int index, int runCount, long iterations) {
            this.iterations = iterations;
            this.nextPlainLine = Math.max(1, iterations / 10);
            send(WorkerMessages.Kind.STARTED, out -> {
                out.writeInt(index);
                out.writeInt(runCount);
                out.writeLong(iterations);
            });
        }

        @Override
        public void iterationDone(long iteration, double loss, double samplesPerSecond) {
            long now = System.nanoTime();
            // The iterations a display prints a line for, and enough others for a progress bar.
            boolean printed = iteration >= nextPlainLine || iteration == iterations || iteration == 1;
            if (!printed && now - lastSent < ITERATION_NANOS) {
                return;
            }
            if (iteration >= nextPlainLine) {
                nextPlainLine = iteration + Math.max(1, iterations / 10);
            }
            lastSent = now;
            send(WorkerMessages.Kind.ITERATION, out -> {
                out.writeLong(iteration);
                out.writeDouble(loss);
                out.writeDouble(samplesPerSecond);
            });
        }

        @Override
        public void evaluated(MetricsRow row) {
            send(WorkerMessages.Kind.EVALUATED, out -> WorkerMessages.writeRow(out, row));
        }

        @Override
        public void recorded(RunPlan run, MetricsRow row) {
            send(WorkerMessages.Kind.RECORDED, out -> WorkerMessages.writeRow(out, row));
        }

        @Override
        public boolean wantsCheckpoints() {
            return true;
        }

        @Override
        public void checkpointed(RunPlan run, Checkpoint checkpoint) {
            send(WorkerMessages.Kind.CHECKPOINT, out -> WorkerMessages.writeCheckpoint(out, checkpoint));
        }

        @Override
        public void modelTrained(RunPlan run, TrainedModel model) {
            send(WorkerMessages.Kind.MODEL, out -> WorkerMessages.writeModel(out, model));
        }

        @Override
        public void bestKept(RunPlan run, TrainedModel model, MetricsRow at) {
            send(WorkerMessages.Kind.BEST, out -> {
                WorkerMessages.writeModel(out, model);
                WorkerMessages.writeRow(out, at);
            });
        }

        @Override
        public void modelDescribed(RunPlan run, ModelDescription description) {
            send(WorkerMessages.Kind.DESCRIBED, out -> WorkerMessages.writeDescription(out, description));
        }

        @Override
        public void tested(RunPlan run, TestOutcome outcome) {
            send(WorkerMessages.Kind.TESTED, out -> WorkerMessages.writeOutcome(out, outcome));
        }
    }
}
