package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: exit statuses, diagnostics on stderr, the files a run writes. */
class CliTest {
    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withDefaultPlugins();

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static final String SMALL = """
            experiment small {
                dataset mnist, limit = 1000
                model {
                    dense 30
                    relu
                    dense 10
                }
                loss cross_entropy
                learning_rate 0.1
                batch_size 50
                epochs 2
                seed 7
            }
            """;

    @Test
    void misspelledLayerIsReportedWithCaretAndStatus2() throws IOException {
        Path file = write("typo.nnx", """
                experiment typo {
                    dataset mnist
                    model {
                        dense 50
                        sigmod
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                }
                """);
        assertEquals(
                2, cli.run("run", file.toString(), "--out", dir.resolve("out").toString()));
        assertEquals(
                file + ":5:9: error: unknown layer 'sigmod'; did you mean 'sigmoid'?\n"
                        + "        sigmod\n"
                        + "        ^~~~~~\n"
                        + "1 error\n",
                cli.stderr());
        assertFalse(Files.exists(dir.resolve("out")), "nothing may be trained or written for a bad file");
    }

    @Test
    void checkReportsEveryErrorOfEveryFileSorted() throws IOException {
        Path first = write("a.nnx", """
                experiment a {
                    dataset mnist
                    model {
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate -1
                    batch_size 0
                    epochs 1
                }
                """);
        Path second = write("b.nnx", """
                experiment b {
                    dataset mnsit
                    model {
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                }
                """);
        assertEquals(2, cli.run("check", first.toString(), second.toString()));
        List<String> headlines =
                cli.stderr().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(
                List.of(
                        first + ":7:19: error: 'learning_rate' must be > 0, got -1",
                        first + ":8:16: error: 'batch_size' must be ≥ 1, got 0",
                        second + ":1:12: error: experiment 'b' has neither 'epochs' nor 'iterations'; give one",
                        second + ":2:13: error: unknown dataset 'mnsit'; did you mean 'mnist'?"),
                headlines);
        assertTrue(cli.stderr().endsWith("4 errors\n"));
    }

    @Test
    void checkOfAValidFileTrainsNothing() throws IOException {
        Path file = write("ok.nnx", SMALL);
        assertEquals(0, cli.run("check", file.toString()));
        assertEquals(
                "small: ok, 1 run\n"
                        + "  layer                           output shape  parameters\n"
                        + "  input                           1×28×28\n"
                        + "  dense(units = 30, bias = true)  30                23,550\n"
                        + "  relu                            30                     0\n"
                        + "  dense(units = 10, bias = true)  10                   310\n"
                        + "  total                                             23,860\n",
                cli.stdout());
        assertEquals("", cli.stderr());
    }

    @Test
    void usageErrorsExitWith2() throws IOException {
        assertEquals(2, cli.run());
        assertEquals(2, cli.run("trian", "x.nnx"));
        assertTrue(cli.stderr().contains("nnx: error: unknown command 'trian'\n"), cli.stderr());
        assertEquals(2, cli.run("run"));
        assertEquals(2, cli.run("run", write("ok.nnx", SMALL).toString(), "--out"));
        assertEquals(2, cli.run("run", "--bogus", "x.nnx"));
        assertEquals(2, cli.run("run", dir.resolve("missing.nnx").toString()));
        assertTrue(cli.stderr().contains("missing.nnx: no such file"));
        java.nio.file.Path empty = java.nio.file.Files.createDirectories(dir.resolve("empty"));
        assertEquals(2, cli.run("check", empty.toString()));
        assertTrue(cli.stderr().contains(empty + " is a folder with no .nnx file in it"), cli.stderr());
        assertEquals(2, cli.run("run", write("ok2.nnx", SMALL).toString(), "--only", "smal"));
        assertTrue(cli.stderr().contains("unknown experiment 'smal'; did you mean 'small'?"));
        assertFalse(cli.stderr().contains("Exception"), cli.stderr());
    }

    @Test
    void runWritesReportAndCsvsAndExits0() throws IOException {
        Path file = write("small.nnx", SMALL);
        Path reports = dir.resolve("reports");
        assertEquals(0, cli.run("run", file.toString(), "--out", reports.toString()));
        Path experiment = reports.resolve("small");
        assertTrue(Files.size(experiment.resolve("index.html")) > 10_000);
        List<String> summary = Files.readAllLines(experiment.resolve("summary.csv"));
        assertEquals("run,status,train_accuracy,test_accuracy,loss,seconds,samples_per_second,reason", summary.get(0));
        assertTrue(summary.get(1).startsWith("small,ok,"), summary.get(1));
        List<String> metrics = Files.readAllLines(experiment.resolve("runs/small/metrics.csv"));
        assertTrue(
                metrics.get(0)
                        .startsWith(
                                "iteration,epoch,loss,train_accuracy,test_accuracy,test_loss,seconds,grad_norm:1:dense.W,"),
                "the per-parameter columns last: " + metrics.get(0));
        assertEquals(1 + 1 + 40, metrics.size(), "a header, the evaluation before training, 2 epochs of 1000 in 50s");
        assertTrue(cli.stdout().contains("report: " + experiment.resolve("index.html")), cli.stdout());
    }

    @Test
    void checkCountsTheRunsOfASweep() throws IOException {
        Path file = write(
                "sweep.nnx",
                SMALL.replace("learning_rate 0.1", "learning_rate 0.1 | 0.01")
                        .replace("batch_size 50", "batch_size range(50, 150, 50)"));
        assertEquals(0, cli.run("check", file.toString()));
        assertEquals("small: ok, 6 runs", cli.stdout().lines().findFirst().orElseThrow());
    }

    @Test
    void fmtRewritesInCanonicalLayoutAndCheckReportsIt() throws IOException {
        Path file = write(
                "messy.nnx",
                SMALL.replace("dense 30", "dense   30 ,init=he   // hidden")
                        .replace("learning_rate 0.1", "learning_rate 0.1|0.01"));
        assertEquals(1, cli.run("fmt", "--check", file.toString()));
        assertEquals(file + "\n", cli.stdout());
        assertEquals(0, cli.run("fmt", file.toString()));
        String formatted = Files.readString(file);
        assertTrue(formatted.contains("        dense 30, init = he  // hidden\n"), formatted);
        assertTrue(formatted.contains("    learning_rate 0.1 | 0.01\n"), formatted);
        assertEquals(0, cli.run("fmt", "--check", file.toString()));
        assertEquals("", cli.stdout());
    }
}
