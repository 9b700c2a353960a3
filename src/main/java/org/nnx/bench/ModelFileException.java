package org.nnx.bench;

import java.util.List;

/** A reference model's file that cannot be read, does not check, or is not one run: what to print, line by line. */
final class ModelFileException extends Exception {
    private final List<String> lines;

    ModelFileException(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    ModelFileException(String line) {
        this(List.of(line));
    }

    List<String> lines() {
        return lines;
    }
}
