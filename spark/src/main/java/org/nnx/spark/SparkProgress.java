package org.nnx.spark;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.nnx.model.ExperimentPlan;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/**
 * What the driver shows of an experiment's runs on Spark, beside nnx's own lines for each run's start and end:
 * when a run's task starts on an executor, when Spark retries one, and after each run the runs done, running and
 * left and the best result so far. Spark tells it of tasks on its listener bus; the engine tells it of results.
 */
final class SparkProgress extends SparkListener {
    /** The job property that names the run a job trains. */
    static final String RUN = "nnx.run";

    private final PrintStream out;
    private final Map<Integer, String> runOfStage = new HashMap<>();
    private ExperimentPlan plan;
    private int done;
    private int running;
    private RunResult best;

    SparkProgress(PrintStream out) {
        this.out = out;
    }

    /** The experiment whose runs the next results belong to. */
    synchronized void training(ExperimentPlan value) {
        if (plan != value) {
            plan = value;
            done = 0;
            best = null;
        }
    }

    @Override
    public synchronized void onStageSubmitted(SparkListenerStageSubmitted stage) {
        String run = stage.properties() == null ? null : stage.properties().getProperty(RUN);
        if (run != null) {
            runOfStage.put(stage.stageInfo().stageId(), run);
        }
    }

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart task) {
        String run = runOfStage.get(task.stageId());
        if (run != null) {
            running++;
            out.println("  spark: run " + run + " started on " + task.taskInfo().host() + " (executor "
                    + task.taskInfo().executorId() + ")");
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd task) {
        String run = runOfStage.get(task.stageId());
        if (run == null) {
            return;
        }
        running = Math.max(0, running - 1);
        if (task.reason() != Success$.MODULE$) {
            String reason = task.reason().getClass().getSimpleName().replace("$", "");
            out.println(
                    "  spark: run " + run + ": its task on " + task.taskInfo().host() + " ended (" + reason + ")"
                            + (task.reason() instanceof ExecutorLostFailure ? "; Spark retries it" : ""));
        }
    }

    /** A run's result reached nnx's writers: counts it, and says how the experiment stands. */
    synchronized void finished(RunResult result) {
        done++;
        if (isBetter(result, best)) {
            best = result;
        }
        out.println("  spark: " + standing());
    }

    /** {@code 2 done, 1 running, 1 left; best so far lr=0.1, test 0.9340}. */
    synchronized String standing() {
        int total = plan == null ? done : plan.runs().size();
        int left = Math.max(0, total - done - running);
        String text = done + " done, " + running + " running, " + left + " left";
        if (best == null) {
            return text;
        }
        return text + "; best so far " + best.name()
                + (Double.isNaN(best.testAccuracy())
                        ? String.format(Locale.ROOT, ", loss %.4f", best.loss())
                        : String.format(Locale.ROOT, ", test %.4f", best.testAccuracy()));
    }

    /** Higher test accuracy wins; without accuracies, the lower loss. Only runs that ended well count. */
    static boolean isBetter(RunResult result, RunResult best) {
        if (result.status() != RunStatus.OK) {
            return false;
        }
        if (best == null) {
            return true;
        }
        if (!Double.isNaN(result.testAccuracy()) || !Double.isNaN(best.testAccuracy())) {
            return result.testAccuracy() > best.testAccuracy() || Double.isNaN(best.testAccuracy());
        }
        return result.loss() < best.loss();
    }
}
