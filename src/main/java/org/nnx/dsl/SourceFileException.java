package org.nnx.dsl;

import java.io.IOException;

/**
 * A path that nnx will not read as an {@code .nnx} file: not named {@code *.nnx}, not a regular file (a
 * folder, a device, a fifo), or too large to be one. Its message says which, and quotes nothing of the file.
 */
public final class SourceFileException extends IOException {
    public SourceFileException(String message) {
        super(message);
    }
}
