package org.nnx.report;

import java.util.ArrayList;
import java.util.List;

/** A line-by-line diff (longest common subsequence) of two short texts such as two configurations. */
final class LineDiff {
    /** One line of the diff: {@code ' '} in both, {@code '-'} only in the old text, {@code '+'} only in the new. */
    record Line(char kind, String text) {}

    private LineDiff() {}

    static List<Line> diff(String oldText, String newText) {
        String[] a = lines(oldText);
        String[] b = lines(newText);
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] =
                        a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> lines = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                lines.add(new Line(' ', a[i++]));
                j++;
            } else if (j < b.length && (i == a.length || common[i][j + 1] >= common[i + 1][j])) {
                lines.add(new Line('+', b[j++]));
            } else {
                lines.add(new Line('-', a[i++]));
            }
        }
        // Within a run of changes, old lines before new ones, as readers of unified diffs expect.
        List<Line> ordered = new ArrayList<>();
        for (int k = 0; k < lines.size(); ) {
            if (lines.get(k).kind() == ' ') {
                ordered.add(lines.get(k++));
                continue;
            }
            int end = k;
            while (end < lines.size() && lines.get(end).kind() != ' ') {
                end++;
            }
            lines.subList(k, end).stream().filter(l -> l.kind() == '-').forEach(ordered::add);
            lines.subList(k, end).stream().filter(l -> l.kind() == '+').forEach(ordered::add);
            k = end;
        }
        return ordered;
    }

    /** True when the diff has a changed line. */
    static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.kind() != ' ');
    }

    private static String[] lines(String text) {
        String stripped = text == null ? "" : text.stripTrailing();
        return stripped.isEmpty() ? new String[0] : stripped.split("\r?\n", -1);
    }
}
