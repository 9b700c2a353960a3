package org.nnx.files;

import java.io.IOException;

/** Why nnx cannot write where it was asked to: one line, naming the path. */
public final class OutputException extends IOException {
    public OutputException(String message) {
        super(message);
    }
}
