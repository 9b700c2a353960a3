package org.nnx.analysis;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean …?": the known name nearest to a mistyped one by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The nearest candidate, if it is near enough to be what the user meant: at most a third of the
     * longer name's characters changed, and never more than 3. Ties go to the alphabetically first.
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates.stream().sorted().toList()) {
            int distance = distance(name.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.min(3, Math.max(1, Math.max(name.length(), best.length()) / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code unknown layer 'sigmod'; did you mean 'sigmoid'?} or, with nothing near, {@code unknown layer 'xyz'}. */
    public static String unknown(String what, String name, Collection<String> candidates) {
        return unknown(what, name, candidates, "");
    }

    /** As {@link #unknown(String, String, Collection)} with a context after the name: {@code  for layer 'dense'}. */
    public static String unknown(String what, String name, Collection<String> candidates, String context) {
        return "unknown " + what + " '" + name + "'" + context + nearest(name, candidates)
                .map(s -> "; did you mean '" + s + "'?").orElse("");
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
