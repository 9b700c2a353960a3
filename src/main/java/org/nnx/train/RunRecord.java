package org.nnx.train;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.nnx.model.RunPlan;

/**
 * What a run has recorded so far, from which its {@link RunResult} is made: how it ended and why, a metrics row an
 * iteration, the last evaluated row, and the last batch loss and throughput.
 */
final class RunRecord {
    private final Consumer<MetricsRow> onRow;
    private RunStatus status = RunStatus.OK;
    private final List<String> reasons = new ArrayList<>();
    private final List<MetricsRow> metrics = new ArrayList<>();
    private MetricsRow lastEvaluated;
    private double lastLoss = Double.NaN;
    private double samplesPerSecond;
    private String trace = "";

    /** @param onRow hears each row as it is recorded */
    RunRecord(Consumer<MetricsRow> onRow) {
        this.onRow = onRow;
    }

    /** Adds to the reason without changing the status: an ok run may still say something. */
    void note(String reason) {
        reasons.add(reason);
    }

    /** The run ends as {@code status}, for {@code reason}. */
    void end(RunStatus status, String reason) {
        this.status = status;
        reasons.add(reason);
    }

    /** The run failed: {@code reason} in a line, {@code trace} for {@code --debug}. */
    void fail(String reason, String trace) {
        end(RunStatus.FAILED, reason);
        this.trace = trace;
    }

    /** A step took place: its batch loss, and the steps' throughput so far. */
    void stepped(double batchLoss, double samplesPerSecond) {
        this.lastLoss = batchLoss;
        this.samplesPerSecond = samplesPerSecond;
    }

    /** How the run ends, as recorded so far. */
    RunStatus status() {
        return status;
    }

    /** An iteration's row, without an evaluation. */
    void add(MetricsRow row) {
        metrics.add(row);
        onRow.accept(row);
    }

    /** An iteration's row, with an evaluation: the run's final accuracies unless another follows. */
    void addEvaluated(MetricsRow row) {
        metrics.add(row);
        lastEvaluated = row;
        onRow.accept(row);
    }

    /** The evaluation before the first step: a row of the run, but never its final accuracies. */
    void addStart(MetricsRow row) {
        add(row);
    }

    /** The rows recorded so far, for a checkpoint. */
    List<MetricsRow> metrics() {
        return List.copyOf(metrics);
    }

    double lastLoss() {
        return lastLoss;
    }

    /** Records again, in order, the rows of a checkpoint a run resumes from, and its last loss. */
    void resume(List<MetricsRow> rows, double loss) {
        for (MetricsRow row : rows) {
            if (row.evaluated() && row.iteration() > 0) {
                addEvaluated(row);
            } else {
                add(row);
            }
        }
        lastLoss = loss;
    }

    /** The last row with an evaluation, or null before the first. */
    MetricsRow lastEvaluated() {
        return lastEvaluated;
    }

    /** The result so far; the caller adds the timing, provenance and gradient check. */
    RunResult.Builder result(RunPlan run) {
        return RunResult.builder(run, status)
                .reason(String.join("; ", reasons))
                .metrics(metrics)
                .accuracies(
                        lastEvaluated == null ? Double.NaN : lastEvaluated.trainAccuracy(),
                        lastEvaluated == null ? Double.NaN : lastEvaluated.testAccuracy())
                .loss(lastLoss)
                .samplesPerSecond(samplesPerSecond)
                .trace(trace);
    }
}
