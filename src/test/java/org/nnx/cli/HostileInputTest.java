package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.train.StopSignal;

/** Files made to hurt: nnx answers each with a few clear lines and the right status, never a stack trace. */
class HostileInputTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int nnx(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new StopSignal(), false, dir.resolve("no-plugins")).run(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFileWithThousandsOfErrorsShowsTheFirstHundredAndCountsTheRest() throws IOException {
        StringBuilder text = new StringBuilder("experiment many {\n");
        for (int i = 0; i < 5000; i++) {
            text.append("    unknown_statement_").append(i).append(" 1\n");
        }
        Path file = Files.writeString(dir.resolve("many.nnx"), text.append("}\n"));
        assertEquals(2, nnx("check", file.toString()));
        String[] lines = stderr().split("\n");
        assertEquals("5005 errors", lines[lines.length - 1], lines[lines.length - 1]);
        assertEquals("… and 4905 more", lines[lines.length - 2]);
        assertEquals(100, stderr().lines().filter(l -> l.contains(": error: ")).count());
    }

    @Test
    void controlCharactersInUserTextNeverReachTheTerminalRaw() throws IOException {
        Path file = Files.writeString(dir.resolve("escape\u001b[2J.nnx"), "experiment x {\n");
        assertEquals(2, nnx("check", file.toString()));
        assertFalse(stderr().contains("\u001b"), stderr());
        assertTrue(stderr().contains("escape?[2J.nnx"), stderr());
    }

    @Test
    void aBugIsOneLineUnlessDebugAsksForItsStackTrace() {
        assertEquals("internal error: IllegalStateException: a check let this through (run with --debug or "
                + "NNX_DEBUG=1 for its stack trace)", FailureHandler.internalError(
                        new IllegalStateException("a check let this through\nsecond line"), false));
        assertEquals("internal error: IllegalStateException: a check let this through",
                FailureHandler.internalError(new IllegalStateException("a check let this through"), true));
    }

    @Test
    void debugIsAcceptedOnEveryCommandBeforeOrAfterItsName() throws IOException {
        Path file = Files.writeString(dir.resolve("ok.nnx"), """
                experiment ok {
                    dataset mnist, limit = 100
                    model {
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                }
                """);
        assertEquals(0, nnx("--debug", "check", file.toString()), stderr());
        assertEquals(0, nnx("check", file.toString(), "--debug"), stderr());
    }
}
