package org.nnx.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.nnx.train.RunResult;

/**
 * One line of a chart: a single run, or the repeats of one configuration, drawn as their mean with a
 * band of ± one standard deviation.
 *
 * @param label  the legend and tooltip name
 * @param colour the run's colour, the same in every chart and in the tables
 * @param faint  drawn thin and grey behind the others: one of many runs in a large sweep, not highlighted
 * @param runs   one run, or the repeats whose mean is drawn
 */
public record ChartLine(String label, Color colour, boolean faint, List<RunResult> runs) {
    public ChartLine {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(colour, "colour");
        runs = List.copyOf(runs);
    }

    /** One line per run, coloured by position ({@link RunColors#of(int)}), none faint. */
    public static List<ChartLine> eachRun(List<RunResult> runs) {
        List<String> keys = ChartStyle.seriesKeys(runs);
        List<ChartLine> lines = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            lines.add(new ChartLine(keys.get(i), RunColors.of(i), false, List.of(runs.get(i))));
        }
        return lines;
    }

    /** True when this line stands for more than one run, so it is a mean with a band. */
    public boolean isMean() {
        return runs.size() > 1;
    }
}
