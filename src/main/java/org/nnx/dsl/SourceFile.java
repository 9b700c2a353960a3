package org.nnx.dsl;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The text of one {@code .nnx} file and the path it is shown by in diagnostics. */
public final class SourceFile {
    private final Path path;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(Path path, String text) {
        this.path = path;
        this.text = text;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    public Path path() {
        return path;
    }

    public String text() {
        return text;
    }

    /** The text of 1-based line {@code line} without its line break, or empty past the end. */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) {
            return "";
        }
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] : text.length();
        while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(start, end);
    }
}
