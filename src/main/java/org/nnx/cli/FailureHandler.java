package org.nnx.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Ends a command that threw: a {@link CommandFailure}'s messages as errors and its status as nnx's; anything
 * else as a one-line internal error, with its stack trace only under {@code --debug}.
 */
final class FailureHandler implements IExecutionExceptionHandler {
    /** {@code internal error: IllegalStateException: …}, and how to see more. */
    static String internalError(Throwable thrown, boolean debug) {
        String message = thrown.getMessage();
        String line = thrown.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
        return "internal error: " + line + (debug ? "" : " (run with --debug or NNX_DEBUG=1 for its stack trace)");
    }

    static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private final Terminal terminal;

    FailureHandler(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parsed) throws Exception {
        if (exception instanceof CommandFailure failure) {
            failure.messages().forEach(terminal::error);
            return failure.status();
        }
        // A bug, not a user's mistake: one line for the user, the stack trace for whoever reports it.
        terminal.error(internalError(exception, terminal.debug()));
        terminal.trace(stackTrace(exception));
        return ExitStatus.RUN_FAILED;
    }
}
