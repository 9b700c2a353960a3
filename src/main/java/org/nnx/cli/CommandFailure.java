package org.nnx.cli;

import java.util.List;

/**
 * A command that cannot go on: it ends with {@link #status()}, after each of {@link #messages()} is
 * reported as {@code nnx: error: ...}. A failure already reported (a file's diagnostics) has no messages.
 */
final class CommandFailure extends RuntimeException {
    private final int status;
    private final List<String> messages;

    CommandFailure(int status, String message) {
        this(status, List.of(message));
    }

    CommandFailure(int status, List<String> messages) {
        // The user sees the messages; a stack trace would tell them nothing.
        super(String.join("\n", messages), null, false, false);
        this.status = status;
        this.messages = List.copyOf(messages);
    }

    /** A failure whose reasons are already on stderr. */
    static CommandFailure reported(int status) {
        return new CommandFailure(status, List.of());
    }

    int status() {
        return status;
    }

    List<String> messages() {
        return messages;
    }
}
