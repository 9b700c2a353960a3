package org.nnx.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/**
 * What a report shows, worked out once: every run with its derived numbers (best accuracy and where,
 * train–test gap, whether the loss barely moved), the configurations its repeats form, their ranking and
 * one colour for each, used alike by every chart and table. One experiment, or several for
 * {@code nnx compare}, whose runs are then named {@code experiment / run}.
 */
final class ReportModel {
    /** The most configurations a chart draws: the best by rank. */
    static final int MAX_CHARTED = 200;
    /** Up to this many configurations, each gets its own colour; beyond, only the top ones do. */
    static final int MAX_COLOURED = 10;
    /** In a larger sweep, the best this many configurations are coloured and the rest drawn faint. */
    static final int HIGHLIGHTED = 5;
    /** The column that names the experiment of each run in a comparison. */
    static final String EXPERIMENT_COLUMN = "experiment";

    final List<ReportedExperiment> experiments;
    final boolean comparison;
    final List<ReportedRun> runs = new ArrayList<>();
    final List<RunGroup> groups = new ArrayList<>();
    /** The swept settings, as table columns: {@code experiment} first in a comparison. */
    final List<String> swept;

    private Map<RunGroup, RepeatStatistics.Comparison> comparisons;

    ReportModel(List<ReportedExperiment> experiments, boolean comparison) {
        this.experiments = List.copyOf(experiments);
        this.comparison = comparison;
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        if (comparison) {
            columns.add(EXPERIMENT_COLUMN);
        }
        Map<String, RunGroup> byKey = new LinkedHashMap<>();
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
                ReportedRun run = new ReportedRun(runs.size(), experiment, result, label, swept);
                runs.add(run);
                String configuration = result.plan().configuration() == null
                        ? result.name()
                        : result.plan().configuration();
                String groupLabel = comparison ? name + " / " + configuration : configuration;
                RunGroup group = byKey.computeIfAbsent(name + "\u0000" + configuration, k -> new RunGroup(groupLabel));
                group.runs.add(run);
                run.group = group;
            }
        }
        swept = List.copyOf(columns);
        if (comparison) {
            fillUnswept();
        }
        groups.addAll(byKey.values());
        rankRuns();
        rankGroups();
        colourGroups();
    }

    /**
     * In a comparison, a column one experiment swept is a fixed setting of another: its runs show the value
     * they took, read from their configuration, so they sit at a labelled value in every chart and table.
     */
    private void fillUnswept() {
        for (ReportedRun run : runs) {
            for (String setting : swept) {
                if (!run.swept.containsKey(setting)) {
                    String value = FixedSetting.valueOf(run.result.plan().settings(), setting);
                    if (value.isEmpty()) {
                        value = FixedSetting.valueOf(
                                run.experiment.result().plan().effectiveConfig(), setting);
                    }
                    if (!value.isEmpty()) {
                        run.swept.put(setting, value);
                    }
                }
            }
        }
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
            long distinct = runs.stream()
                    .map(r -> r.swept.getOrDefault(setting, ""))
                    .distinct()
                    .count();
            if (distinct > 1) {
                settings.add(setting);
            }
        }
        return settings;
    }

    /**
     * One chart line per configuration that has metrics to draw; in a large sweep in rank order, so the legend
     * reads as a podium, and at most {@link #MAX_CHARTED} of them: past that, lines only bury each other.
     */
    List<ChartLine> lines() {
        List<RunGroup> order = new ArrayList<>(groups.stream()
                .filter(g -> g.runs.stream().anyMatch(r -> !r.result.metrics().isEmpty()))
                .toList());
        if (order.size() > MAX_COLOURED) {
            order.sort(Comparator.comparingInt(g -> g.rank));
        }
        return order.stream().limit(MAX_CHARTED).map(RunGroup::line).toList();
    }

    /** How many configurations have metrics to draw. */
    long chartable() {
        return groups.stream()
                .filter(g -> g.runs.stream().anyMatch(r -> !r.result.metrics().isEmpty()))
                .count();
    }

    /** The ok run with the highest final test accuracy, or null. */
    ReportedRun bestRun() {
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
            if (run.status() == RunStatus.OK
                    && Double.isFinite(run.testAccuracy())
                    && (best < 0 || run.testAccuracy() > runs.get(best).testAccuracy())) {
                best = i;
            }
        }
        return best;
    }

    /** The configuration ranked first when it has an ok run, else null. */
    RunGroup bestGroup() {
        return groups.stream()
                .filter(g -> g.rank == 0 && g.okAccuracies().length > 0)
                .findFirst()
                .orElse(null);
    }

    /**
     * The configuration the others are tested against: the best-ranked one with {@link
     * RepeatStatistics#MIN_SEEDS} ok runs, else the best-ranked with two (against which every verdict is
     * "too few seeds"). The overall best may be a single run, which no test can compare.
     */
    RunGroup bestTestedGroup() {
        RunGroup enough = bestGroupWith(RepeatStatistics.MIN_SEEDS);
        return enough != null ? enough : bestGroupWith(2);
    }

    private RunGroup bestGroupWith(int okRuns) {
        return groups.stream()
                .filter(g -> g.okAccuracies().length >= okRuns)
                .min(Comparator.comparingInt(g -> g.rank))
                .orElse(null);
    }

    /** Each configuration against {@link #bestTestedGroup()}, Holm-corrected over all of them; worked out once. */
    RepeatStatistics.Comparison comparison(RunGroup group) {
        if (comparisons == null) {
            RunGroup best = bestTestedGroup();
            List<RepeatStatistics.Comparison> all = RepeatStatistics.compareAll(
                    groups.stream().map(RunGroup::okAccuracies).toList(), groups.indexOf(best));
            comparisons = new LinkedHashMap<>();
            for (int g = 0; g < groups.size(); g++) {
                comparisons.put(groups.get(g), all.get(g));
            }
        }
        return comparisons.get(group);
    }

    /** How many runs ended each way, in {@link RunOutcome} order, only the outcomes that occur. */
    Map<RunOutcome, Long> outcomes() {
        Map<RunOutcome, Long> counts = new LinkedHashMap<>();
        for (RunOutcome outcome : RunOutcome.values()) {
            long count = runs.stream().filter(r -> r.outcome() == outcome).count();
            if (count > 0) {
                counts.put(outcome, count);
            }
        }
        return counts;
    }

    /** True when every run has the same epochs per iteration, so one x axis shows both. */
    boolean epochsAlign() {
        return !Double.isNaN(RunAxes.commonEpochsPerIteration(
                runs.stream().map(r -> r.result).toList()));
    }

    boolean hasValidation() {
        return runs.stream().anyMatch(r -> Double.isFinite(r.finalValidationAccuracy));
    }

    /** Ok runs first by final test accuracy, then the others by status; 1-based. */
    private void rankRuns() {
        List<ReportedRun> order = new ArrayList<>(runs);
        order.sort(Comparator.comparingInt((ReportedRun r) ->
                        r.status() == RunStatus.OK ? 0 : 1 + r.status().ordinal())
                .thenComparingDouble(r -> Double.isFinite(r.finalTestAccuracy()) ? -r.finalTestAccuracy() : 1)
                .thenComparingInt(r -> r.index));
        for (int i = 0; i < order.size(); i++) {
            order.get(i).rank = i + 1;
        }
    }

    /** Configurations with ok runs first, by mean final test accuracy; 0-based. */
    private void rankGroups() {
        List<RunGroup> order = new ArrayList<>(groups);
        order.sort(Comparator.comparingInt((RunGroup g) -> g.okAccuracies().length > 0 ? 0 : 1)
                .thenComparingDouble(g -> g.okAccuracies().length > 0 ? -g.mean() : 0)
                .thenComparingInt(g -> g.runs.get(0).index));
        for (int i = 0; i < order.size(); i++) {
            order.get(i).rank = i;
        }
    }

    /**
     * Few configurations: each its own colour, by its position in its experiment, so colours do not move when
     * results change and a run keeps its colour from its own report into a comparison; where two experiments
     * of a comparison want one colour, the later one takes the next free colour. Many: the top {@link
     * #HIGHLIGHTED} get the first colours in rank order, the rest are faint grey.
     */
    private void colourGroups() {
        boolean many = groups.size() > MAX_COLOURED;
        Map<ReportedExperiment, Integer> positions = new java.util.IdentityHashMap<>();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (RunGroup group : groups) {
            if (many) {
                group.faint = group.rank >= HIGHLIGHTED;
                group.colour = group.faint ? ChartStyle.FAINT : RunColors.of(group.rank);
                continue;
            }
            int colour = positions.merge(group.runs.get(0).experiment, 1, Integer::sum) - 1;
            while (taken.contains(colour)) {
                colour++;
            }
            taken.add(colour);
            group.colour = RunColors.of(colour);
        }
    }
}
