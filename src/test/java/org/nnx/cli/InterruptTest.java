package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.ChildJvm;

/** Ctrl-C in a real process: training stops, the metrics so far and the report are kept, status 130. */
@DisabledOnOs(OS.WINDOWS)
class InterruptTest {

    @Test
    void ctrlCKeepsMetricsAndWritesReport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("long.nnx");
        Files.writeString(file, """
                experiment long_run {
                    dataset mnist
                    model {
                        dense 50
                        relu
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    iterations 10000000
                    evaluate_every 1
                }
                """);
        Path reports = dir.resolve("reports");
        Process process = ChildJvm.start(Main.class, "run", file.toString(), "--out", reports.toString());
        String notSeen = ChildJvm.awaitLine(process, line -> line.contains("10000000 iterations"));
        assertEquals(null, notSeen, "training never started");
        Thread.sleep(3000);
        ChildJvm.signal(process, "INT");
        String rest = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "nnx did not stop after Ctrl-C");
        assertEquals(130, process.exitValue(), rest);
        assertFalse(rest.contains("Exception"), rest);
        assertTrue(rest.contains("long_run: stopped (stopped by the user after "), rest);

        Path experiment = reports.resolve("long_run");
        List<String> metrics = Files.readAllLines(
                experiment.resolve("runs" + File.separator + "long_run" + File.separator + "metrics.csv"));
        assertTrue(metrics.size() >= 2, "metrics computed before Ctrl-C are kept: " + metrics.size() + " lines");
        assertTrue(
                metrics.stream().skip(1).noneMatch(row -> row.split(",", -1)[4].isEmpty()),
                "every kept row has its evaluation");
        List<String> summary = Files.readAllLines(experiment.resolve("summary.csv"));
        assertTrue(summary.get(1).startsWith("long_run,stopped,"), summary.get(1));
        assertTrue(Files.size(experiment.resolve("index.html")) > 1000);
    }
}
