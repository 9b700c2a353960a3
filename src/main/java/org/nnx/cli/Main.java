package org.nnx.cli;

import java.util.Arrays;

/** The {@code nnx} command. */
public final class Main {
    /**
     * The command runs on a thread with a large stack: parsing and checking recurse over a file's nesting,
     * and a deep but legal expression must not overflow the default main-thread stack.
     */
    static final long STACK_BYTES = 256L << 20;

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        // Charts are drawn off-screen; no display is needed or wanted.
        System.setProperty("java.awt.headless", "true");
        int[] status = {ExitStatus.RUN_FAILED};
        Thread command =
                new Thread(null, () -> status[0] = new Cli(System.out, System.err).run(args), "nnx", STACK_BYTES);
        // What escapes even the command's own handling (an Error outside any run) is still one line, not a trace.
        boolean debug =
                "1".equals(System.getenv("NNX_DEBUG")) || Arrays.asList(args).contains("--debug");
        command.setUncaughtExceptionHandler((thread, thrown) -> {
            System.err.println("nnx: error: " + Terminal.printable(FailureHandler.internalError(thrown, debug)));
            if (debug) {
                thrown.printStackTrace();
            }
        });
        command.start();
        command.join();
        System.out.flush();
        System.err.flush();
        System.exit(status[0]);
    }
}
