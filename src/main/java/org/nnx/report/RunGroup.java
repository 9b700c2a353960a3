package org.nnx.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.nnx.train.RunStatus;

/** The runs of one configuration: one run, or its repeats with different seeds. */
final class RunGroup {
    final String label;
    final List<ReportedRun> runs = new ArrayList<>();
    Color colour;
    /** Drawn grey and thin: a configuration outside the top ones of a large sweep. */
    boolean faint;
    /** 0-based: configurations with ok runs first, by mean final test accuracy. */
    int rank;

    RunGroup(String label) {
        this.label = label;
    }

    /** The final test accuracies of the ok runs. */
    double[] okAccuracies() {
        return runs.stream()
                .filter(r -> r.status() == RunStatus.OK)
                .mapToDouble(ReportedRun::finalTestAccuracy)
                .filter(Double::isFinite)
                .toArray();
    }

    double mean() {
        return WelchTest.mean(okAccuracies());
    }

    ChartLine line() {
        return new ChartLine(
                label, colour, faint, runs.stream().map(r -> r.result).toList());
    }
}
