package org.nnx.report;

import static org.nnx.report.Html.escape;
import static org.nnx.report.Html.swatched;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.nnx.train.RunStatus;

/** What stands out, in words: the best, what diverged or failed, what barely moved, overfitting, seed noise. */
record FindingsSection(ReportModel model) implements ReportSection {
    /** Runs named in one finding line before "and N more". */
    private static final int NAMED_IN_FINDING = 4;
    /** A train–test gap above this many points is worth a line among the findings. */
    private static final double NOTABLE_GAP = 0.03;
    /**
     * A gap this large is called a sign of overfitting. A few points is what any model fitted to its
     * training set shows; the word is kept for a gap that is clearly more.
     */
    static final double OVERFITTING_GAP = 0.10;

    @Override
    public void appendTo(StringBuilder html) {
        if (model.runs.isEmpty()) {
            html.append(Html.note("This report has no runs."));
            return;
        }
        List<String> items = new ArrayList<>();
        items.add(best());
        for (RunOutcome outcome :
                List.of(RunOutcome.DIVERGED, RunOutcome.BLEW_UP, RunOutcome.FAILED, RunOutcome.STOPPED)) {
            // Counted by outcome, as the header counts them, so the two numbers agree.
            List<ReportedRun> runs =
                    model.runs.stream().filter(r -> r.outcome() == outcome).toList();
            if (!runs.isEmpty()) {
                items.add(label(capitalized(outcome.label()) + " (" + runs.size() + ")")
                        + named(runs, FindingsSection::whatWentWrong));
            }
        }
        List<ReportedRun> barely =
                model.runs.stream().filter(ReportedRun::barelyMoved).toList();
        if (!barely.isEmpty()) {
            items.add(label("Barely moved (" + barely.size() + ")") + named(barely, FindingsSection::howLittle));
        }
        largestGap().ifPresent(items::add);
        if (model.hasRepeats() && model.bestTestedGroup() != null) {
            items.add(seedNoise(model.bestTestedGroup()));
        }
        html.append("<ul class=\"findings\">\n");
        items.forEach(item -> html.append("<li>").append(item).append("</li>\n"));
        html.append("</ul>\n");
    }

    /** The best configuration over its seeds, else the best run, else that none finished. */
    private String best() {
        RunGroup bestGroup = model.bestGroup();
        ReportedRun best = model.bestRun();
        if (bestGroup != null && bestGroup.runs.size() > 1) {
            return label("Best configuration") + swatched(bestGroup.colour, bestGroup.label) + ": final test accuracy "
                    + RepeatStatistics.meanSd(bestGroup.okAccuracies()) + " over " + bestGroup.okAccuracies().length
                    + " seeds.";
        }
        if (best != null) {
            return label("Best") + swatched(best.colour(), best.label) + ": final test accuracy "
                    + ReadableNumbers.percent(best.finalTestAccuracy()) + bestNote(best) + ".";
        }
        return label("No run finished") + " with a test accuracy.";
    }

    private static String bestNote(ReportedRun run) {
        if (Double.isFinite(run.bestTestAccuracy) && run.bestTestAccuracy > run.finalTestAccuracy()) {
            return " (its best, " + ReadableNumbers.percent(run.bestTestAccuracy) + ", at iteration "
                    + ReadableNumbers.grouped(run.bestIteration) + ")";
        }
        return "";
    }

    private static String whatWentWrong(ReportedRun run) {
        if (run.blewUp()) {
            LossProfile loss = run.loss;
            return String.format(
                    Locale.ROOT,
                    " — its loss jumped to %s (%.1f× the first) at iteration %,d and never"
                            + " fell below where it started; final test accuracy %s",
                    ReadableNumbers.significant(loss.peak()),
                    loss.peak() / loss.first(),
                    loss.peakIteration(),
                    ReadableNumbers.percent(run.finalTestAccuracy()));
        }
        return run.result.reason() == null || run.result.reason().isBlank() ? "" : " — " + escape(run.result.reason());
    }

    /** How far the loss fell, or that it rose: a loss that went up must not read as one that fell 0 %. */
    static String howLittle(ReportedRun run) {
        double drop = run.loss.drop();
        return String.format(
                Locale.ROOT,
                drop < 0
                        ? " — loss rose %.1f %% (%s → %s); final test accuracy %s"
                        : " — loss fell only %.1f %% (%s → %s); final test accuracy %s",
                100 * Math.abs(drop),
                ReadableNumbers.significant(run.loss.start()),
                ReadableNumbers.significant(run.loss.end()),
                ReadableNumbers.percent(run.finalTestAccuracy()));
    }

    /** The ok run that fits its training set furthest beyond the test set, when that is notable. */
    private Optional<String> largestGap() {
        return model.runs.stream()
                .filter(r -> r.status() == RunStatus.OK && Double.isFinite(r.gap()))
                .max(Comparator.comparingDouble(ReportedRun::gap))
                .filter(r -> r.gap() > NOTABLE_GAP)
                .map(r -> label("Largest train–test gap")
                        + swatched(r.colour(), r.label)
                        + String.format(
                                Locale.ROOT,
                                ": %.1f points (train %s, test %s)%s.",
                                100 * r.gap(),
                                ReadableNumbers.percent(r.result.trainAccuracy()),
                                ReadableNumbers.percent(r.finalTestAccuracy()),
                                r.gap() >= OVERFITTING_GAP ? ", a sign of overfitting" : ""));
    }

    /**
     * Which configurations could be seed noise beside the best one with repeats, the closest rival named;
     * or that there are too few seeds to judge. Counts and verdicts are those of the Repeats table.
     */
    private String seedNoise(RunGroup tested) {
        String against =
                swatched(tested.colour, tested.label) + " (" + RepeatStatistics.meanSd(tested.okAccuracies()) + ")";
        List<RunGroup> judged = model.groups.stream()
                .filter(g -> g != tested)
                .filter(g -> switch (model.comparison(g).verdict()) {
                    case WORSE, COULD_BE_NOISE -> true;
                    default -> false;
                })
                .toList();
        if (judged.isEmpty()) {
            return label("Seed noise") + "too few seeds to judge: a test needs " + RepeatStatistics.MIN_SEEDS
                    + " ok runs of the best configuration (" + against + ") and of another; see Repeats.";
        }
        List<RunGroup> close = judged.stream()
                .filter(g -> model.comparison(g).verdict() == RepeatStatistics.Verdict.COULD_BE_NOISE)
                .sorted(Comparator.comparingDouble(g -> -g.mean()))
                .toList();
        String correction = "Welch's t-test, Holm-corrected over " + judged.size()
                + (judged.size() == 1 ? " comparison" : " comparisons") + " at α " + RepeatStatistics.ALPHA
                + " (see Repeats).";
        if (close.isEmpty()) {
            return label("Seed noise") + "every configuration tested is below " + against + ": " + correction;
        }
        RunGroup rival = close.get(0);
        RepeatStatistics.Comparison versus = model.comparison(rival);
        return label("Seed noise") + close.size() + " of " + judged.size() + " configurations tested could be seed"
                + " noise beside " + against + "; the closest, " + swatched(rival.colour, rival.label) + " ("
                + RepeatStatistics.meanSd(rival.okAccuracies()) + "), differs by "
                + RepeatStatistics.difference(versus.difference()) + " points (95 % CI "
                + RepeatStatistics.interval(versus.lower(), versus.upper()) + "). " + correction;
    }

    private static String label(String text) {
        return "<span class=\"label\">" + escape(text) + ":</span> ";
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Up to {@link #NAMED_IN_FINDING} runs by name with {@code detail}; many by what they share, with two examples. */
    private String named(List<ReportedRun> runs, Function<ReportedRun, String> detail) {
        String shared = runs.size() > NAMED_IN_FINDING ? sharedSettings(runs) : "";
        if (!shared.isEmpty()) {
            // Many runs: what they have in common says more than a list of names; two examples show the detail.
            StringBuilder text = new StringBuilder("all with ").append(shared).append("; e.g. ");
            for (int i = 0; i < 2; i++) {
                text.append(i == 0 ? "" : "; ")
                        .append(swatched(runs.get(i).colour(), runs.get(i).label))
                        .append(detail.apply(runs.get(i)));
            }
            return text.append(" (all in the table).").toString();
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(NAMED_IN_FINDING, runs.size()); i++) {
            parts.add(swatched(runs.get(i).colour(), runs.get(i).label) + detail.apply(runs.get(i)));
        }
        String text = String.join("; ", parts);
        if (runs.size() > NAMED_IN_FINDING) {
            text += "; and " + (runs.size() - NAMED_IN_FINDING) + " more (see the table)";
        }
        return text + ".";
    }

    /**
     * The swept values that {@code runs} are confined to, e.g. {@code learning_rate 1 or 0.3, optimizer sgd}:
     * the settings for which they took fewer values than the whole sweep did. Empty when none.
     */
    private String sharedSettings(List<ReportedRun> runs) {
        List<String> parts = new ArrayList<>();
        for (String setting : model.settingsThatVary()) {
            List<String> all = model.runs.stream()
                    .map(r -> r.swept.getOrDefault(setting, ""))
                    .distinct()
                    .toList();
            Set<String> taken = new HashSet<>();
            runs.forEach(r -> taken.add(r.swept.getOrDefault(setting, "")));
            if (taken.size() < all.size()) {
                List<String> values =
                        all.stream().filter(taken::contains).map(Html::code).toList();
                parts.add(Html.code(setting) + " " + String.join(" or ", values));
            }
        }
        return String.join(", ", parts);
    }
}
