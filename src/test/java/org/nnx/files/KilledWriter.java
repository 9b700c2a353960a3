package org.nnx.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A process that rewrites a file the way {@code nnx fmt} does and is killed half-way: it writes part of the
 * new content, says so on stdout, and waits to be killed before it can finish.
 */
public final class KilledWriter {
    private KilledWriter() {}

    public static void main(String[] args) throws Exception {
        AtomicFile.write(Path.of(args[0]), out -> {
            out.write("experiment formatted {\n    learning_rate".getBytes(StandardCharsets.UTF_8));
            out.flush();
            System.out.println("half written");
            System.out.flush();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
