package org.nnx.cli;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.nnx.model.RunPlan;
import org.nnx.train.Checkpoint;
import org.nnx.train.DataOverview;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunGate;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.TrainingListener;

/**
 * Tells a listener, in nnx's own process, what a run that trained elsewhere told its listener there: the lines
 * {@link Worker#train} sends ({@link WorkerMessages}), each number with the bits it had, so that nnx's writers
 * write the run's files as for a run trained here. A worker process's lines come through it as they are
 * printed; an engine that trains runs on other machines hands over a run's lines when the run ends.
 */
public final class RunReplay {
    private final RunPlan run;
    private final TrainingListener listener;
    private final UnaryOperator<RunResult> finishing;
    private final RunGate gate;
    private final Consumer<String> rulings;
    private final List<MetricsRow> rows = new ArrayList<>();
    private long heapBytes = Runtime.getRuntime().maxMemory();
    private String exitCaller;
    private String exitTrace = "";
    private RunResult result;
    private DataOverview data;

    /** @param finishing what becomes of the run's result before the listener hears of it (where it trained, say) */
    public RunReplay(RunPlan run, TrainingListener listener, UnaryOperator<RunResult> finishing) {
        this(run, listener, finishing, RunGate.NONE, ruling -> {});
    }

    /**
     * For a worker process that trains a trial of {@code search halving}: at each rung it reaches, {@code gate}
     * rules on it here and {@code rulings} takes the line that tells the worker ({@link WorkerMessages#ruling}).
     */
    RunReplay(RunPlan run, TrainingListener listener, RunGate gate, Consumer<String> rulings) {
        this(run, listener, UnaryOperator.identity(), gate, rulings);
    }

    private RunReplay(
            RunPlan run,
            TrainingListener listener,
            UnaryOperator<RunResult> finishing,
            RunGate gate,
            Consumer<String> rulings) {
        this.run = run;
        this.listener = listener;
        this.finishing = finishing;
        this.gate = gate;
        this.rulings = rulings;
    }

    /** Replays one line; false when it is not a message (the JVM writes other lines when it dies). */
    public boolean accept(String line) throws IOException {
        Optional<WorkerMessages.Message> message = WorkerMessages.parse(line);
        if (message.isEmpty()) {
            return false;
        }
        handle(message.get());
        return true;
    }

    /**
     * Whether the line is a checkpoint's message. A run hands its listener a checkpoint after every few steps, each
     * with the rows so far; an engine that sends a run's messages when it ends keeps only the last, which is the
     * checkpoint file nnx's writer leaves.
     */
    public static boolean isCheckpoint(String line) {
        return line.startsWith(WorkerMessages.PREFIX + WorkerMessages.Kind.CHECKPOINT.name() + " ");
    }

    /** Whether the line is the message that the run started, which a resumed run sends again. */
    public static boolean isStarted(String line) {
        return line.startsWith(WorkerMessages.PREFIX + WorkerMessages.Kind.STARTED.name() + " ");
    }

    /**
     * The checkpoint a checkpoint's message holds ({@link #isCheckpoint}), with every number's bits.
     *
     * @throws IOException when the line is not a whole checkpoint's message
     */
    public static Checkpoint checkpointOf(String line) throws IOException {
        Optional<WorkerMessages.Message> message = WorkerMessages.parse(line.strip());
        if (message.isEmpty() || message.get().kind() != WorkerMessages.Kind.CHECKPOINT) {
            throw new IOException("not a checkpoint's message");
        }
        return WorkerMessages.readCheckpoint(message.get().body());
    }

    /**
     * The messages that record the rows a checkpoint holds. A run that resumes from it records only the rows after
     * it: where nothing heard the rows before, these go after the run's start for its metrics to be whole.
     */
    public static List<String> recordedLines(Checkpoint checkpoint) {
        return checkpoint.metrics().stream()
                .map(row -> WorkerMessages.line(WorkerMessages.Kind.RECORDED, out -> WorkerMessages.writeRow(out, row)))
                .toList();
    }

    /** The run's result, once its last message came; the listener has heard of it then. */
    public Optional<RunResult> result() {
        return Optional.ofNullable(result);
    }

    /** The overview of the data a worker asked for it sent ({@link WorkerMessages.Kind#DATA}), once it came. */
    Optional<DataOverview> data() {
        return Optional.ofNullable(data);
    }

    /** The rows the run recorded so far, for the result of a run that ended without one. */
    public List<MetricsRow> rows() {
        return List.copyOf(rows);
    }

    /**
     * The failed result of a run whose worker process ended without sending one, told to the listener: why, in
     * one line naming the jar, with the rows it recorded and, as its trace, the stack of whoever called {@code
     * System.exit}, or else the process's last output.
     *
     * @param output the worker's last lines of output that were not messages
     */
    RunResult diedWith(int status, List<String> output, String jars) {
        String trace = exitCaller != null
                ? exitTrace
                : "the worker process ended with status " + status + "; its last output:\n" + String.join("\n", output);
        RunResult died = RunResult.builder(run, RunStatus.FAILED)
                .reason(deathReason(status, output, jars))
                .metrics(rows)
                .trace(trace)
                .build();
        listener.runFinished(died);
        return died;
    }

    /** Why the worker process ended without its last message, in one line naming the jar. */
    String deathReason(int status, List<String> output, String jars) {
        return WorkerRuns.deathReason(status, exitCaller, output, heapBytes, jars);
    }

    /** The first line {@link Worker#train} reads: {@code start}, or {@code resume BASE64} with the checkpoint. */
    public static String firstCommand(Optional<Checkpoint> resumeFrom) throws IOException {
        if (resumeFrom.isEmpty()) {
            return "start";
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            WorkerMessages.writeCheckpoint(out, resumeFrom.get());
        }
        return "resume " + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private void handle(WorkerMessages.Message message) throws IOException {
        DataInputStream in = message.body();
        switch (message.kind()) {
            case HELLO -> heapBytes = in.readLong();
            case STARTED -> listener.runStarted(run, in.readInt(), in.readInt(), in.readLong());
            case ITERATION -> listener.iterationDone(in.readLong(), in.readDouble(), in.readDouble());
            case EVALUATED -> listener.evaluated(WorkerMessages.readRow(in));
            case RECORDED -> {
                MetricsRow row = WorkerMessages.readRow(in);
                rows.add(row);
                listener.recorded(run, row);
            }
            case CHECKPOINT -> {
                Checkpoint checkpoint = WorkerMessages.readCheckpoint(in);
                if (listener.wantsCheckpoints()) {
                    listener.checkpointed(run, checkpoint);
                }
            }
            case RUNG -> {
                long iteration = in.readLong();
                long iterationsPerEpoch = in.readLong();
                MetricsRow evaluated = in.readBoolean() ? WorkerMessages.readRow(in) : null;
                rulings.accept(WorkerMessages.ruling(gate.prune(iteration, iterationsPerEpoch, evaluated)));
            }
            case MODEL -> listener.modelTrained(run, WorkerMessages.readModel(in));
            case BEST -> listener.bestKept(run, WorkerMessages.readModel(in), WorkerMessages.readRow(in));
            case DESCRIBED -> listener.modelDescribed(run, WorkerMessages.readDescription(in));
            case TESTED -> listener.tested(run, WorkerMessages.readOutcome(in));
            case FINISHED -> {
                result = finishing.apply(WorkerMessages.readResult(in, run));
                listener.runFinished(result);
            }
            case DATA -> data = WorkerMessages.readOverview(in);
            case EXIT -> {
                exitCaller = WorkerMessages.readString(in);
                exitTrace = WorkerMessages.readString(in);
            }
        }
    }
}
