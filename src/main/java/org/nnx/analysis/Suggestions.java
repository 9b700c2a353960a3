package org.nnx.analysis;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** "Did you mean …?": the known name nearest to a mistyped one by edit distance. */
public final class Suggestions {
    /**
     * Names from the book nnx follows (its Python functions and classes) and nnx's words for them: a reader who
     * writes {@code cross_entropy_error} or {@code Affine} is pointed to what nnx calls it.
     */
    private static final Map<String, String> BOOK_WORDS = Map.ofEntries(
            Map.entry("cross_entropy_error", "cross_entropy"),
            Map.entry("softmax_with_loss", "cross_entropy"),
            Map.entry("SoftmaxWithLoss", "cross_entropy"),
            Map.entry("mean_squared_error", "mse"),
            Map.entry("affine", "dense"),
            Map.entry("Affine", "dense"),
            Map.entry("linear", "dense"),
            Map.entry("fully_connected", "dense"),
            Map.entry("Relu", "relu"),
            Map.entry("Sigmoid", "sigmoid"),
            Map.entry("step_function", "step"),
            Map.entry("numerical_gradient", "numerical"),
            Map.entry("numerical_diff", "numerical"),
            Map.entry("gradient_descent", "sgd"),
            Map.entry("SGD", "sgd"),
            Map.entry("Momentum", "momentum"),
            Map.entry("AdaGrad", "adagrad"),
            Map.entry("RMSprop", "rmsprop"),
            Map.entry("Adam", "adam"),
            Map.entry("BatchNormalization", "batch_norm"),
            Map.entry("Dropout", "dropout"),
            Map.entry("weight_decay_lambda", "weight_decay"),
            Map.entry("lr", "learning_rate"),
            Map.entry("iters_num", "iterations"),
            Map.entry("step_num", "steps"),
            Map.entry("init_x", "start"));

    /** The most edits a suggestion may be away from what was written. */
    private static final int MAX_DISTANCE = 3;

    private Suggestions() {}

    /**
     * The nearest candidate, if it is near enough to be what the user meant: at most a third of the
     * longer name's characters changed, and never more than 3. Ties go to the alphabetically first.
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String bookWord = BOOK_WORDS.get(name);
        if (bookWord != null && candidates.contains(bookWord)) {
            return Optional.of(bookWord);
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase();
        for (String candidate : candidates) {
            // The distance is at least the difference in length, and more than 3 is never suggested.
            int lengthGap = Math.abs(candidate.length() - name.length());
            if (lengthGap > MAX_DISTANCE || lengthGap > bestDistance) {
                continue;
            }
            int distance = distance(lower, candidate.toLowerCase(), Math.min(MAX_DISTANCE, bestDistance));
            if (distance < bestDistance || distance == bestDistance && candidate.compareTo(best) < 0) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.min(MAX_DISTANCE, Math.max(1, Math.max(name.length(), best.length()) / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code unknown layer 'sigmod'; did you mean 'sigmoid'?} or, with nothing near, {@code unknown layer 'xyz'}. */
    public static String unknown(String what, String name, Collection<String> candidates) {
        return unknown(what, name, candidates, "");
    }

    /** As {@link #unknown(String, String, Collection)} with a context after the name: {@code  for layer 'dense'}. */
    public static String unknown(String what, String name, Collection<String> candidates, String context) {
        return "unknown " + what + " '" + name + "'" + context
                + nearest(name, candidates)
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("");
    }

    /**
     * {@link #distance(String, String)}, or {@code limit + 1} as soon as it is sure to exceed {@code limit}: a
     * file of many unknown names asks this once a name and candidate.
     */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMinimum = Math.min(rowMinimum, d);
            }
            // Every later row is at least the smallest of this one, minus the one swap that can reach back.
            if (rowMinimum > limit + 1) {
                return limit + 1;
            }
            int[] recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[b.length()], limit + 1);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
