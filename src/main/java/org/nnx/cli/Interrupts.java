package org.nnx.cli;

import org.nnx.train.StopSignal;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM ask training to stop: the current run ends after its iteration, its metrics
 * are kept and the report is written. A second one ends the process at once, as one does in a command that
 * trains nothing ({@code check}, {@code compare}, {@code fmt}): every file nnx writes is renamed into place
 * whole, so quitting at any instant leaves only complete files.
 */
final class Interrupts {
    private Interrupts() {}

    static StopSignal install() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (stop.requested() || !stop.training()) {
                        System.err.println();
                        System.err.println("nnx: interrupted");
                        System.err.flush();
                        Runtime.getRuntime().halt(ExitStatus.INTERRUPTED);
                    }
                    System.err.println();
                    System.err.println("nnx: stopping after this iteration; the report keeps what was computed"
                            + " (Ctrl-C again to quit at once)");
                    stop.request();
                });
            } catch (IllegalArgumentException e) {
                // The signal does not exist on this platform, or the JVM reserves it: default handling stays.
            }
        }
        return stop;
    }
}
