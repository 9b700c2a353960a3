package org.nnx.report;

import java.io.IOException;

/**
 * A CSV file nnx wrote earlier cannot be read back: wrong header, a field that is not a number, a
 * broken quote. The message starts with {@code file:line:} like a compiler's, so users can jump to it.
 */
public class CsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    /**
     * @param file   the file as the user knows it (a path, or a name for in-memory input)
     * @param line   1-based line of the problem; 0 when it concerns the whole file
     * @param detail what is wrong, without the location
     */
    public CsvFormatException(String file, long line, String detail) {
        super((line > 0 ? file + ":" + line : file) + ": " + detail);
        this.file = file;
        this.line = line;
    }

    /** The file as named in the message. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem; 0 when it concerns the whole file. */
    public long line() {
        return line;
    }
}
