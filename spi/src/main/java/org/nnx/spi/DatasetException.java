package org.nnx.spi;

/** Data that cannot be used; the message names the file and the place, for the user to read. */
public class DatasetException extends Exception {
    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }
}
