package org.nnx.train;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * What ended a run that failed, as the run's one-line reason and as a stack trace kept for {@code --debug}.
 * Whatever a run throws, an {@link OutOfMemoryError} or a {@link StackOverflowError} included, ends that run
 * alone: once the stack has unwound, the memory the run held is free again and its siblings go on.
 */
final class RunFailure {
    private RunFailure() {}

    /** One line: what happened, in words, and what to do where there is something to do. */
    static String reason(Throwable thrown) {
        if (thrown instanceof OutOfMemoryError) {
            return "out of memory (" + thrown.getMessage() + "): " + MEMORY_ADVICE;
        }
        if (thrown instanceof StackOverflowError) {
            StackTraceElement[] frames = thrown.getStackTrace();
            return "stack overflow: a call that never ends"
                    + (frames.length == 0
                            ? ""
                            : " (in " + frames[0].getClassName() + "." + frames[0].getMethodName() + ")");
        }
        String line = firstLine(describe(thrown));
        return causedBy(thrown, OutOfMemoryError.class) ? line + ": " + MEMORY_ADVICE : line;
    }

    private static final String MEMORY_ADVICE = "the run needs more than nnx may use; give nnx more memory "
            + "(NNX_JAVA_OPTS=-Xmx…) or train fewer runs side by side";

    /** nnx's own exceptions speak to the user already; others are named by their class. */
    private static String describe(Throwable thrown) {
        String message = thrown.getMessage();
        if (message != null && thrown.getClass().getName().startsWith("org.nnx.")) {
            return message;
        }
        return thrown.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> kind) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline) + " …";
    }

    /** The whole stack trace, causes included. */
    static String trace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
