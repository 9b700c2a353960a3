package org.nnx.report;

import java.awt.Color;
import java.util.Map;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/** One run as the report shows it: its result, its name on the page, and what the report derives from it. */
final class ReportedRun {
    /** Its position among all the report's runs. */
    final int index;

    final ReportedExperiment experiment;
    final RunResult result;
    /** Its name; in a comparison {@code experiment / run}. */
    final String label;
    /** The value of each swept setting, as the table's columns name them. */
    final Map<String, String> swept;

    final double bestTestAccuracy;
    /** Where the best test accuracy was reached; -1 when never evaluated. */
    final long bestIteration;

    final double finalValidationAccuracy;
    /** The test loss at the last evaluation that has one; NaN for none (or files of an older nnx). */
    final double finalTestLoss;

    final LossProfile loss;
    RunGroup group;
    /** 1-based: ok runs first by final test accuracy, then the others by status. */
    int rank;

    ReportedRun(int index, ReportedExperiment experiment, RunResult result, String label, Map<String, String> swept) {
        this.index = index;
        this.experiment = experiment;
        this.result = result;
        this.label = label;
        this.swept = swept;
        double best = Double.NaN;
        long at = -1;
        double validation = Double.NaN;
        double testLoss = Double.NaN;
        for (MetricsRow row : result.metrics()) {
            if (!Double.isNaN(row.testLoss())) {
                testLoss = row.testLoss();
            }
            if (Double.isFinite(row.testAccuracy()) && (Double.isNaN(best) || row.testAccuracy() > best)) {
                best = row.testAccuracy();
                at = row.iteration();
            }
            if (Double.isFinite(row.validationAccuracy())) {
                validation = row.validationAccuracy();
            }
        }
        bestTestAccuracy = best;
        bestIteration = at;
        finalValidationAccuracy = validation;
        finalTestLoss = testLoss;
        loss = LossProfile.of(result.metrics());
    }

    RunStatus status() {
        return result.status();
    }

    double finalTestAccuracy() {
        return result.testAccuracy();
    }

    /** Train minus test accuracy at the end: how much the model fits its training set beyond new data. */
    double gap() {
        return result.trainAccuracy() - result.testAccuracy();
    }

    /** It trained to the end, but its loss hardly fell. */
    boolean barelyMoved() {
        return trained() && loss.barelyMoved();
    }

    /** Not diverged by the trainer's rule, but in effect: see {@link LossProfile#blewUp()}. */
    boolean blewUp() {
        return trained() && loss.blewUp();
    }

    /** How the page counts it: its status, or blew up. */
    RunOutcome outcome() {
        return RunOutcome.of(status(), blewUp());
    }

    /** Ok or stopped: the runs whose last loss says something about how training went. */
    private boolean trained() {
        return status() == RunStatus.OK || status() == RunStatus.STOPPED;
    }

    Color colour() {
        return group.colour;
    }

    boolean faint() {
        return group.faint;
    }
}
