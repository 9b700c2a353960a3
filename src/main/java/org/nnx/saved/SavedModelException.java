package org.nnx.saved;

/** A saved model or checkpoint that cannot be read or used, with a one-line message that names the file. */
public final class SavedModelException extends Exception {
    public SavedModelException(String message) {
        super(message);
    }
}
