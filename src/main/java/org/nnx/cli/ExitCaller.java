package org.nnx.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Who called {@code System.exit}, found from a shutdown hook: the thread whose stack calls {@code Runtime.exit},
 * and the plugin jar of the first caller's frame that a jar's class loader loaded.
 *
 * @param jar   the caller's jar ({@code ending.jar}); empty when no frame of the call is a jar's
 * @param trace the calling thread's name and its frames from {@code Runtime.exit} on
 */
record ExitCaller(String jar, String trace) {
    /** The caller of {@code System.exit}, while the process ends by it; empty when nothing calls it. */
    static Optional<ExitCaller> find() {
        for (Map.Entry<Thread, StackTraceElement[]> thread :
                Thread.getAllStackTraces().entrySet()) {
            StackTraceElement[] stack = thread.getValue();
            int exit = exitFrame(stack);
            if (exit < 0) {
                continue;
            }
            String jar = "";
            StringBuilder trace = new StringBuilder(
                    "System.exit called on thread " + thread.getKey().getName());
            // From the call of Runtime.exit on: the frames below it are the JVM running shutdown hooks.
            for (int i = exit; i < stack.length; i++) {
                trace.append("\n\tat ").append(stack[i]);
                String loader = stack[i].getClassLoaderName();
                if (jar.isEmpty() && loader != null && loader.endsWith(".jar")) {
                    jar = loader;
                }
            }
            return Optional.of(new ExitCaller(jar, trace.toString()));
        }
        return Optional.empty();
    }

    /** Where the stack calls {@code Runtime.exit}; -1 when it does not. */
    private static int exitFrame(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getClassName().equals("java.lang.Runtime")
                    && stack[i].getMethodName().equals("exit")) {
                return i;
            }
        }
        return -1;
    }
}
