package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What cannot run is refused before anything trains: too large to fit, too large to index, no data left. */
class PreflightTest {
    private static final long HEAP = 1L << 30;

    @TempDir
    Path directory;

    private static Analyzer.Result analyze(String text, long memory) {
        return new Analyzer(Analysis.REGISTRY, Analysis.DATASETS, memory)
                .analyze(List.of(Analysis.parse("test.nnx", text)));
    }

    private static String model(String layers, String extra) {
        return """
                experiment big {
                    dataset mnist, limit = 200
                    model {
                %s
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                %s
                }
                """.formatted(layers, extra);
    }

    @Test
    void aLayerTooLargeForOneTensorIsALocatedError() {
        Analyzer.Result result = analyze(model("        dense 1000000000\n        dense 10", ""), HEAP);
        assertEquals(
                List.of("test.nnx:4:9: error: layer 'dense' would have 785000000000 parameters for its input of "
                        + "784; one tensor holds at most 2147483639"),
                Analysis.errors(result));
    }

    @Test
    void aModelThatCannotFitInMemoryIsRefusedAtItsLargestLayer() {
        Analyzer.Result result = analyze(model("        dense 1000000\n        relu\n        dense 10", ""), HEAP);
        List<String> errors = Analysis.errors(result);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(
                "test.nnx:4:9: error: this run needs about 21.6 GB of memory (parameters, gradients and optimizer "
                        + "state 5.9 GB, activations 15.6 GB, batches 621 KB) but nnx may use 953 MB besides its data; make the "
                        + "model smaller, or give nnx more memory (NNX_JAVA_OPTS=-Xmx…)",
                errors.get(0));
        assertTrue(analyze(model("        dense 1000\n        relu\n        dense 10", ""), HEAP)
                .ok());
    }

    @Test
    void aBatchThatCannotFitIsRefusedAtTheBatchSize() {
        Analyzer.Result result = analyze(
                model(
                        "        dense 50\n        relu\n        dense 10",
                        "    batch_size 2000000\n    sampling random"),
                HEAP);
        List<String> errors = Analysis.errors(result);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("test.nnx:11:5: error: this run needs about"), errors.get(0));
        assertTrue(errors.get(0).contains("make the batch smaller"), errors.get(0));
    }

    @Test
    void aMillionLayersAreRefusedQuicklyNotAfterMinutesOfAllocation() {
        String layers = "        relu\n".repeat(100_000) + "        dense 10";
        Analyzer.Result result =
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> analyze(model(layers, ""), HEAP));
        List<String> errors = Analysis.errors(result);
        assertEquals(1, errors.size());
        assertTrue(
                errors.get(0).startsWith("test.nnx:3:5: error: this run needs about 613.3 GB of memory"),
                errors.get(0));
        assertTrue(errors.get(0).contains("make the model smaller"), errors.get(0));
    }

    @Test
    void aValidationSetThatLeavesNothingToTrainOnIsALocatedError() {
        String text = Analysis.experiment("x", "    validation 0.5").replace("limit = 200", "limit = 1");
        assertEquals(
                List.of("test.nnx:11:5: error: validation 0.5 holds out 1 of the 1 training sample of dataset "
                        + "'mnist', leaving none to train on"),
                Analysis.errors(Analysis.analyze(text)));
        assertTrue(
                Analysis.analyze(Analysis.experiment("x", "    validation 0.5")).ok());
    }

    @Test
    void importsOfWhatIsNotAnNnxFileAreRefusedWithoutReadingOrQuotingIt() throws Exception {
        Path fifo = directory.resolve("pipe.nnx");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path secret = directory.resolve("secret.txt");
        Files.writeString(secret, "root:x:0:0:the first line\n");
        Path file = directory.resolve("main.nnx");
        Files.writeString(
                file,
                "import \"pipe.nnx\"\nimport \"/dev/zero\"\nimport \"secret.txt\"\n" + Analysis.experiment("x", ""));
        Analyzer.Result result = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Analysis.analyzeFiles(file));
        List<String> errors = Analysis.errors(result);
        assertEquals(
                List.of(
                        file + ":1:1: error: cannot import \"pipe.nnx\": " + fifo
                                + " is not a regular file (a device, a fifo " + "or a socket)",
                        file
                                + ":2:1: error: cannot import \"/dev/zero\": /dev/zero is not a regular file (a device, a fifo or "
                                + "a socket)",
                        file + ":3:1: error: cannot import \"secret.txt\": " + secret
                                + " is not an .nnx file; nnx reads only " + "files named *.nnx"),
                errors);
        assertFalse(errors.toString().contains("root:x"));
    }

    @Test
    void anNnxFileLargerThanAnyExperimentIsRefused() throws IOException {
        Path file = directory.resolve("huge.nnx");
        Files.write(file, new byte[(int) org.nnx.dsl.NnxParser.MAX_FILE_BYTES + 1]);
        IOException refused = org.junit.jupiter.api.Assertions.assertThrows(
                org.nnx.dsl.SourceFileException.class, () -> org.nnx.dsl.NnxParser.parse(file, file));
        assertEquals(file + " is 4 MB; an .nnx file may be at most 4 MB", refused.getMessage());
    }
}
