package org.nnx.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Ends a command that threw a {@link CommandFailure}: its messages as errors, its status as nnx's. */
final class FailureHandler implements IExecutionExceptionHandler {
    private final Terminal terminal;

    FailureHandler(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parsed)
            throws Exception {
        if (!(exception instanceof CommandFailure failure)) {
            // A bug, not a user's mistake: its stack trace is what a report of it needs.
            throw exception;
        }
        failure.messages().forEach(terminal::error);
        return failure.status();
    }
}
