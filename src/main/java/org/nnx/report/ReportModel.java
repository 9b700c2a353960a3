package org.nnx.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/**
 * What a report shows, worked out once: every run with its derived numbers (best accuracy and where,
 * train–test gap, whether the loss barely moved), the configurations its repeats form, their ranking and
 * one colour for each, used alike by every chart and table. One experiment, or several for
 * {@code nnx compare}, whose runs are then named {@code experiment / run}.
 */
final class ReportModel {
    /** Up to this many configurations, each gets its own colour; beyond, only the top ones do. */
    static final int MAX_COLOURED = 10;
    /** In a larger sweep, the best this many configurations are coloured and the rest drawn faint. */
    static final int HIGHLIGHTED = 5;
    /** A run whose smoothed loss fell by less than this fraction "barely moved". */
    static final double BARELY_MOVED_DROP = 0.10;
    /**
     * A run whose loss rose above this many times its first loss, and then never fell clearly below
     * where it started, "blew up": the trainer's own divergence rule (1000×, or NaN) did not fire, but
     * the step size broke the model all the same, as a sigmoid net at learning rate 10 shows.
     */
    static final double BLOW_UP_FACTOR = 3;
    /** The column that names the experiment of each run in a comparison. */
    static final String EXPERIMENT_COLUMN = "experiment";

    /** One run and what the report derives from it. */
    static final class Run {
        final int index;
        final ReportedExperiment experiment;
        final RunResult result;
        final String label;
        final Map<String, String> swept;
        Group group;
        int rank;
        final double bestTestAccuracy;
        final long bestIteration;
        final double finalValidationAccuracy;
        /** How much the smoothed loss fell, start to end, as a fraction of the start; NaN when unknown. */
        final double lossDrop;
        final double lossStart;
        /** The median of the first steps' losses: where the run started, untouched by one wild step. */
        final double lossStartMedian;
        final double lossEnd;
        /** The highest finite loss and its iteration; NaN and -1 without losses. */
        final double lossPeak;
        final long lossPeakIteration;
        final double firstLoss;

        Run(int index, ReportedExperiment experiment, RunResult result, String label, Map<String, String> swept) {
            this.index = index;
            this.experiment = experiment;
            this.result = result;
            this.label = label;
            this.swept = swept;
            double best = Double.NaN;
            long at = -1;
            double validation = Double.NaN;
            for (MetricsRow row : result.metrics()) {
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
            double peak = Double.NaN;
            long peakAt = -1;
            double first = Double.NaN;
            for (MetricsRow row : result.metrics()) {
                if (Double.isFinite(row.loss())) {
                    if (Double.isNaN(first)) {
                        first = row.loss();
                    }
                    if (Double.isNaN(peak) || row.loss() > peak) {
                        peak = row.loss();
                        peakAt = row.iteration();
                    }
                }
            }
            lossPeak = peak;
            lossPeakIteration = peakAt;
            firstLoss = first;
            double[] losses = result.metrics().stream().mapToDouble(MetricsRow::loss).filter(Double::isFinite).toArray();
            if (losses.length >= 10) {
                int window = Math.max(1, losses.length / 20);
                lossStart = average(losses, 0, window);
                double[] opening = java.util.Arrays.copyOf(losses, window);
                java.util.Arrays.sort(opening);
                lossStartMedian = opening[window / 2];
                lossEnd = average(losses, losses.length - window, losses.length);
                lossDrop = lossStart > 0 ? 1 - lossEnd / lossStart : Double.NaN;
            } else {
                lossStart = Double.NaN;
                lossStartMedian = Double.NaN;
                lossEnd = Double.NaN;
                lossDrop = Double.NaN;
            }
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

        /** It trained to the end, but its loss hardly fell: the learning rate is too small, or it is stuck. */
        boolean barelyMoved() {
            return (status() == RunStatus.OK || status() == RunStatus.STOPPED) && lossDrop < BARELY_MOVED_DROP
                    && !blewUp();
        }

        /**
         * Not diverged by the trainer's rule, but in effect: the loss shot up to more than
         * {@link #BLOW_UP_FACTOR}× its first value and the run ended no better than it began.
         */
        boolean blewUp() {
            // The larger of the first loss and the median of the first steps: a first mini-batch that
            // happens to be easy must not make ordinary noise look like a jump, nor the jump raise the bar.
            double start = Math.max(firstLoss, lossStartMedian);
            return (status() == RunStatus.OK || status() == RunStatus.STOPPED) && start > 0
                    && lossPeak > BLOW_UP_FACTOR * start && lossEnd > (1 - BARELY_MOVED_DROP) * start;
        }

        Color colour() {
            return group.colour;
        }

        boolean faint() {
            return group.faint;
        }
    }

    /** The runs of one configuration: one run, or its repeats with different seeds. */
    static final class Group {
        final String label;
        final List<Run> runs = new ArrayList<>();
        Color colour;
        boolean faint;
        int rank;

        Group(String label) {
            this.label = label;
        }

        /** The final test accuracies of the ok runs. */
        double[] okAccuracies() {
            return runs.stream().filter(r -> r.status() == RunStatus.OK).mapToDouble(Run::finalTestAccuracy)
                    .filter(Double::isFinite).toArray();
        }

        double mean() {
            return WelchTest.mean(okAccuracies());
        }

        double standardDeviation() {
            return WelchTest.standardDeviation(okAccuracies());
        }

        ChartLine line() {
            return new ChartLine(label, colour, faint, runs.stream().map(r -> r.result).toList());
        }
    }

    final List<ReportedExperiment> experiments;
    final boolean comparison;
    final List<Run> runs = new ArrayList<>();
    final List<Group> groups = new ArrayList<>();
    /** The swept settings, as table columns: {@code experiment} first in a comparison. */
    final List<String> swept;

    ReportModel(List<ReportedExperiment> experiments, boolean comparison) {
        this.experiments = List.copyOf(experiments);
        this.comparison = comparison;
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        if (comparison) {
            columns.add(EXPERIMENT_COLUMN);
        }
        Map<String, Group> byKey = new LinkedHashMap<>();
        List<String> labels = new ArrayList<>();
        for (ReportedExperiment experiment : experiments) {
            String name = experiment.result().plan().name();
            columns.addAll(experiment.result().plan().sweptSettings());
            for (RunResult result : experiment.result().runs()) {
                Map<String, String> swept = new LinkedHashMap<>();
                if (comparison) {
                    swept.put(EXPERIMENT_COLUMN, name);
                }
                swept.putAll(result.plan().varying().asMap());
                String label = comparison ? name + " / " + result.name() : result.name();
                Run run = new Run(runs.size(), experiment, result, label, swept);
                runs.add(run);
                labels.add(label);
                String configuration = result.plan().configuration() == null ? result.name()
                        : result.plan().configuration();
                String groupLabel = comparison ? name + " / " + configuration : configuration;
                Group group = byKey.computeIfAbsent(name + "\u0000" + configuration, k -> new Group(groupLabel));
                group.runs.add(run);
                run.group = group;
            }
        }
        swept = List.copyOf(columns);
        groups.addAll(byKey.values());
        rankRuns();
        rankGroups();
        colourGroups();
    }

    /** The single experiment's model. */
    static ReportModel of(ReportedExperiment experiment) {
        return new ReportModel(List.of(experiment), false);
    }

    /** True when some configuration was run more than once. */
    boolean hasRepeats() {
        return groups.stream().anyMatch(g -> g.runs.size() > 1);
    }

    /** The swept settings without {@code seed}: those whose effect the small multiples show. */
    List<String> settingsThatVary() {
        List<String> settings = new ArrayList<>();
        for (String setting : swept) {
            if (setting.equals("seed") && hasRepeats()) {
                continue;
            }
            long distinct = runs.stream().map(r -> r.swept.getOrDefault(setting, "")).distinct().count();
            if (distinct > 1) {
                settings.add(setting);
            }
        }
        return settings;
    }

    /** One chart line per configuration; in a large sweep in rank order, so the legend reads as a podium. */
    List<ChartLine> lines() {
        List<Group> order = new ArrayList<>(groups);
        if (groups.size() > MAX_COLOURED) {
            order.sort(Comparator.comparingInt(g -> g.rank));
        }
        return order.stream().map(Group::line).toList();
    }

    /** The ok run with the highest final test accuracy, or null. */
    Run bestRun() {
        int best = bestRun(runs.stream().map(r -> r.result).toList());
        return best < 0 ? null : runs.get(best);
    }

    /**
     * The index of the run to mark as best: the ok run with the highest test accuracy (the first on a
     * tie), or -1 when no ok run was evaluated. Diverged, stopped and failed runs are left out: their
     * last accuracy is not that of a finished model.
     */
    static int bestRun(List<RunResult> runs) {
        int best = -1;
        for (int i = 0; i < runs.size(); i++) {
            RunResult run = runs.get(i);
            if (run.status() == RunStatus.OK && Double.isFinite(run.testAccuracy())
                    && (best < 0 || run.testAccuracy() > runs.get(best).testAccuracy())) {
                best = i;
            }
        }
        return best;
    }

    /** The configuration ranked first when it has an ok run, else null. */
    Group bestGroup() {
        return groups.stream().filter(g -> g.rank == 0 && g.okAccuracies().length > 0).findFirst().orElse(null);
    }

    /**
     * The best-ranked configuration with at least two ok runs: the one the others are tested against.
     * The overall best may be a single run, which no test can compare.
     */
    Group bestTestedGroup() {
        return groups.stream().filter(g -> g.okAccuracies().length >= 2)
                .min(Comparator.comparingInt(g -> g.rank)).orElse(null);
    }

    /** True when every run has the same epochs per iteration, so one x axis shows both. */
    boolean epochsAlign() {
        return !Double.isNaN(ChartStyle.commonEpochsPerIteration(runs.stream().map(r -> r.result).toList()));
    }

    boolean hasValidation() {
        return runs.stream().anyMatch(r -> Double.isFinite(r.finalValidationAccuracy));
    }

    /** Ok runs first by final test accuracy, then the others by status; 1-based. */
    private void rankRuns() {
        List<Run> order = new ArrayList<>(runs);
        order.sort(Comparator.comparingInt((Run r) -> r.status() == RunStatus.OK ? 0 : 1 + r.status().ordinal())
                .thenComparingDouble(r -> Double.isFinite(r.finalTestAccuracy()) ? -r.finalTestAccuracy() : 1)
                .thenComparingInt(r -> r.index));
        for (int i = 0; i < order.size(); i++) {
            order.get(i).rank = i + 1;
        }
    }

    /** Configurations with ok runs first, by mean final test accuracy; 0-based. */
    private void rankGroups() {
        List<Group> order = new ArrayList<>(groups);
        order.sort(Comparator.comparingInt((Group g) -> g.okAccuracies().length > 0 ? 0 : 1)
                .thenComparingDouble(g -> g.okAccuracies().length > 0 ? -g.mean() : 0)
                .thenComparingInt(g -> g.runs.get(0).index));
        for (int i = 0; i < order.size(); i++) {
            order.get(i).rank = i;
        }
    }

    /**
     * Few configurations: each its own colour, by position, so colours do not move when results change.
     * Many: the top {@link #HIGHLIGHTED} get the first colours in rank order, the rest are faint grey.
     */
    private void colourGroups() {
        boolean many = groups.size() > MAX_COLOURED;
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            if (!many) {
                group.colour = RunColors.of(g);
            } else if (group.rank < HIGHLIGHTED) {
                group.colour = RunColors.of(group.rank);
            } else {
                group.colour = ChartStyle.FAINT;
                group.faint = true;
            }
        }
    }

    private static double average(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
