package org.nnx.train;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What ended a run that failed, as the run's one-line reason and as a stack trace kept for {@code --debug}.
 * Whatever a run throws, an {@link OutOfMemoryError} or a {@link StackOverflowError} included, ends that run
 * alone: once the stack has unwound, the memory the run held is free again and its siblings go on.
 */
final class RunFailure {
    private RunFailure() {
    }

    /** One line: what happened, in words, and what to do where there is something to do. */
    static String reason(Throwable thrown) {
        if (thrown instanceof OutOfMemoryError) {
            return "out of memory (" + thrown.getMessage() + "): the run needs more than nnx may use; give nnx more "
                    + "memory (NNX_JAVA_OPTS=-Xmx…) or train fewer runs side by side";
        }
        if (thrown instanceof StackOverflowError) {
            StackTraceElement[] frames = thrown.getStackTrace();
            return "stack overflow: a call that never ends" + (frames.length == 0 ? ""
                    : " (in " + frames[0].getClassName() + "." + frames[0].getMethodName() + ")");
        }
        String message = thrown.getMessage();
        String line = thrown.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline) + " …";
    }

    /** The whole stack trace, causes included. */
    static String trace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
