package org.nnx.cli;

/** The {@code nnx} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Charts are drawn off-screen; no display is needed or wanted.
        System.setProperty("java.awt.headless", "true");
        int status = new Cli(System.out, System.err).run(args);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }
}
