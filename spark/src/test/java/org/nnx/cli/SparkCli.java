package org.nnx.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.nnx.train.StopSignal;

/**
 * nnx's command line in the test's process, as {@code ./nnx} runs it (it chooses the BLAS backend), with no
 * plugin folder: a Spark engine started by {@code --engine spark} is then this process's, as a driver.
 */
public final class SparkCli {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs nnx with {@code args}, stopped when {@code stop} is requested, and returns its exit status. */
    public int run(Path noPlugins, StopSignal stop, String... args) {
        out.reset();
        err.reset();
        PrintStream stdout = new PrintStream(new Tee(out, System.out), true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new Tee(err, System.err), true, StandardCharsets.UTF_8);
        return new Cli(stdout, stderr, stop, false, noPlugins, true).run(args);
    }

    /** What the last run printed so far, also while it runs. */
    public String stdout() {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    public String stderr() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    /** Keeps what a run prints for the test, and shows it in the build's log as it comes. */
    private static final class Tee extends OutputStream {
        private final ByteArrayOutputStream kept;
        private final PrintStream shown;

        Tee(ByteArrayOutputStream kept, PrintStream shown) {
            this.kept = kept;
            this.shown = shown;
        }

        @Override
        public void write(int b) {
            synchronized (kept) {
                kept.write(b);
            }
            shown.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            synchronized (kept) {
                kept.write(bytes, offset, length);
            }
            shown.write(bytes, offset, length);
        }
    }
}
