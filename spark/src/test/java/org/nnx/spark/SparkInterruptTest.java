package org.nnx.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on a Spark driver: the runs' jobs are cancelled and the report keeps the runs that ended. */
class SparkInterruptTest {
    @TempDir
    Path dir;

    @Test
    void sigintCancelsTheJobsAndTheReportKeepsWhatFinished() throws Exception {
        // One core: the runs queue, and the first ends long before the others.
        Path file = Sweeps.write(dir, "0.1", "20 | 3000 | 3001", "\"tiny.csv\"");
        Process driver = Sweeps.java(
                        "org.nnx.cli.Main",
                        List.of(
                                "run",
                                file.toString(),
                                "--out",
                                dir.resolve("out").toString(),
                                "--engine",
                                "spark",
                                "--master",
                                "local[1]",
                                "--conf",
                                "spark.ui.enabled=false"))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        StringBuilder printed = new StringBuilder();
        boolean interrupted = false;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                printed.append(line).append('\n');
                if (!interrupted && line.startsWith("  spark: 1 done, ")) {
                    new ProcessBuilder("kill", "-INT", Long.toString(driver.pid()))
                            .start()
                            .waitFor();
                    interrupted = true;
                }
            }
        }
        assertTrue(driver.waitFor(2, TimeUnit.MINUTES), "the driver ends");
        assertTrue(interrupted, printed.toString());
        assertEquals(130, driver.exitValue(), printed.toString());
        assertTrue(printed.toString().contains("spark: cancelling the runs' jobs"), printed.toString());

        Map<String, Map<String, String>> runs = Sweeps.summary(dir.resolve("out"));
        assertEquals(3, runs.size(), runs.toString());
        // The run that had ended when the signal came stands; one still training when it came is stopped (the
        // short run may end too while the signal travels).
        List<String> statuses =
                runs.values().stream().map(run -> run.get("status")).sorted().toList();
        assertEquals("ok", statuses.get(0), runs.toString());
        assertEquals("stopped", statuses.get(2), runs.toString());
        assertTrue(statuses.stream().allMatch(s -> s.equals("ok") || s.equals("stopped")), runs.toString());
        assertTrue(
                runs.get("iterations=3000").get("status").equals("stopped")
                        || runs.get("iterations=3001").get("status").equals("stopped"),
                runs.toString());
        assertTrue(Files.exists(dir.resolve("out").resolve(Sweeps.EXPERIMENT).resolve("index.html")));
    }
}
