package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.train.ExperimentResult;
import org.nnx.train.RunResult;

/** What nnx run leaves beside the report reads back into the same report, as nnx compare needs. */
class ExperimentFilesTest {
    @TempDir
    Path temp;

    @Test
    void anExperimentFolderReadsBackWithSettingsProvenanceAndMetrics() throws IOException {
        Path source = temp.resolve("seeds.nnx");
        Files.writeString(source, "experiment seeds {}\n");
        ExperimentResult written = repeatsWithAGradientCheck(source);
        Path directory = temp.resolve("out").resolve("seeds");
        ReportWriter.write(written, directory);

        assertEquals(written.plan().effectiveConfig(), Files.readString(directory.resolve("experiment.nnx")));
        List<String> facts = Files.readAllLines(directory.resolve("experiment.csv"), StandardCharsets.UTF_8);
        assertEquals("key,value", facts.get(0));
        assertTrue(facts.contains("name,seeds"));
        String sha = ReportWriter.sourceSha256(source);
        assertEquals(64, sha.length());
        assertTrue(facts.contains("source_sha256," + sha));
        List<String> run = Files.readAllLines(
                directory.resolve("runs").resolve("learning_rate=0.1,seed=7").resolve("run.csv"));
        assertEquals(
                List.of(
                        "section,key,value",
                        "run,name,\"learning_rate=0.1,seed=7\"",
                        "run,configuration,learning_rate=0.1",
                        "swept,learning_rate,0.1",
                        "swept,seed,7"),
                run.subList(0, 5));
        assertTrue(run.contains("gradient_check,1:dense.W,3.1E-9"), run.toString());

        ReportedExperiment read = ExperimentFiles.read(directory);
        assertEquals(sha, read.sourceSha256());
        assertEquals("seeds", read.result().plan().name());
        assertEquals(written.plan().description(), read.result().plan().description());
        assertEquals(written.plan().effectiveConfig(), read.result().plan().effectiveConfig());
        assertEquals(written.runs().size(), read.result().runs().size());
        for (int i = 0; i < written.runs().size(); i++) {
            assertReadBack(written.runs().get(i), read.result().runs().get(i));
        }
        assertEquals(Map.of("1:dense.W", 3.1e-9), read.result().runs().get(0).gradientCheck());
        String html = HtmlReport.render(ReportModel.of(read), HtmlReportTest.NO_CHARTS);
        assertTrue(html.contains("<h2>Gradient check</h2>"));
        assertTrue(html.contains("<h2>Repeats</h2>"), "the configurations are recovered, so the repeats are too");
    }

    /** The repeats experiment from {@code source}, its first run with a gradient check. */
    private static ExperimentResult repeatsWithAGradientCheck(Path source) {
        ExperimentResult repeats = SyntheticResults.repeats(60);
        List<RunResult> runs = new ArrayList<>(repeats.runs());
        RunResult first = runs.get(0);
        runs.set(
                0,
                RunResult.builder(first.plan(), first.status())
                        .reason(first.reason())
                        .metrics(first.metrics())
                        .accuracies(first.trainAccuracy(), first.testAccuracy())
                        .loss(first.loss())
                        .seconds(first.seconds())
                        .samplesPerSecond(first.samplesPerSecond())
                        .provenance(first.provenance())
                        .gradientCheck(Map.of("1:dense.W", 3.1e-9))
                        .build());
        return new ExperimentResult(
                new org.nnx.model.ExperimentPlan(
                        repeats.plan().name(),
                        repeats.plan().description(),
                        source,
                        repeats.plan().runs(),
                        repeats.plan().effectiveConfig()),
                runs);
    }

    private static void assertReadBack(RunResult expected, RunResult actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.plan().varying(), actual.plan().varying());
        assertEquals(expected.plan().configuration(), actual.plan().configuration());
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.provenance(), actual.provenance());
        assertEquals(expected.metrics().size(), actual.metrics().size());
        assertEquals(expected.testAccuracy(), actual.testAccuracy());
    }

    @Test
    void aFolderOfExperimentsListsThemAndAnythingElseIsAnError() throws IOException {
        ReportWriter.write(SyntheticResults.small(), temp.resolve("reports").resolve("b"));
        ReportWriter.write(SyntheticResults.handMade(), temp.resolve("reports").resolve("a"));
        assertEquals(
                List.of(
                        temp.resolve("reports").resolve("a"),
                        temp.resolve("reports").resolve("b")),
                ExperimentFiles.experimentFolders(temp.resolve("reports")));
        assertEquals(
                List.of(temp.resolve("reports").resolve("a")),
                ExperimentFiles.experimentFolders(temp.resolve("reports").resolve("a")));
        Files.createDirectories(temp.resolve("reports").resolve("objective"));
        Files.writeString(
                temp.resolve("reports").resolve("objective").resolve("summary.csv"), "run,status,f,x0,steps\n");
        assertEquals(
                2, ExperimentFiles.experimentFolders(temp.resolve("reports")).size(), "objectives are left out");
        Files.createDirectories(temp.resolve("empty"));
        assertThrows(NoSuchFileException.class, () -> ExperimentFiles.experimentFolders(temp.resolve("empty")));
        assertThrows(NoSuchFileException.class, () -> ExperimentFiles.read(temp.resolve("empty")));
    }

    @Test
    void aFolderFromBeforeTheExtraFilesStillReads() throws IOException {
        Path directory = temp.resolve("old");
        ReportWriter.write(SyntheticResults.handMade(), directory);
        Files.delete(directory.resolve("experiment.csv"));
        Files.delete(directory.resolve("experiment.nnx"));
        ReportedExperiment read = ExperimentFiles.read(directory);
        assertEquals("old", read.result().plan().name());
        assertEquals(3, read.result().runs().size());
    }
}
