package org.nnx.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTreeTest {
    @TempDir
    Path directory;

    @Test
    void openingTheFolderRemovesTemporariesAKilledWriterLeft() throws IOException {
        Path runs = Files.createDirectories(directory.resolve("reports/sweep/runs/a"));
        Path stale = Files.writeString(runs.resolve(".checkpoint.safetensors.1f2e3d4c5b6a7988.tmp"), "half");
        Path user = Files.writeString(runs.resolve("notes.tmp"), "mine");
        try (OutputTree tree = OutputTree.open(directory.resolve("reports"), List.of())) {
            assertFalse(Files.exists(stale));
            assertEquals("mine", Files.readString(user));
        }
    }

    @Test
    void anOutThatIsAFileIsRefusedBeforeAnythingRuns() throws IOException {
        Path file = Files.writeString(directory.resolve("out"), "x");
        OutputException refused = assertThrows(OutputException.class, () -> OutputTree.open(file, List.of()));
        assertEquals(file + " is a file, not a folder to write results into", refused.getMessage());
    }

    @Test
    void writesStayInsideTheTreeAndNeverFollowALink() throws IOException {
        Path outside = Files.createDirectories(directory.resolve("elsewhere"));
        Path victim = Files.writeString(directory.resolve("victim.txt"), "precious");
        try (OutputTree tree = OutputTree.open(directory.resolve("reports"), List.of())) {
            tree.writeString("a,b\n", "x", "summary.csv");
            assertEquals("a,b\n", Files.readString(tree.root().resolve("x/summary.csv")));

            Files.createSymbolicLink(tree.root().resolve("x/runs"), outside);
            OutputException throughFolder =
                    assertThrows(OutputException.class, () -> tree.writeString("1", "x", "runs", "metrics.csv"));
            assertEquals(
                    tree.root().resolve("x/runs") + " is a symbolic link; nnx does not write through links",
                    throughFolder.getMessage());

            Files.delete(tree.root().resolve("x/summary.csv"));
            Files.createSymbolicLink(tree.root().resolve("x/summary.csv"), victim);
            assertThrows(OutputException.class, () -> tree.writeString("overwritten", "x", "summary.csv"));
            assertEquals("precious", Files.readString(victim));

            OutputException upward = assertThrows(OutputException.class, () -> tree.file("..", "victim.txt"));
            assertEquals("'..' is not a name nnx writes under " + tree.root(), upward.getMessage());
        }
        try (var files = Files.list(outside)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aFileTheCommandReadsIsNeverWritten() throws IOException {
        Path reports = directory.resolve("reports");
        Path input = reports.resolve("lr/summary.csv");
        try (OutputTree tree = OutputTree.open(reports, List.of(input))) {
            OutputException refused = assertThrows(OutputException.class, () -> tree.file("lr", "summary.csv"));
            assertEquals(
                    input + " is one of the files this command reads; nnx will not write over it",
                    refused.getMessage());
        }
    }

    @Test
    void oneWriterAtATime() throws IOException {
        Path reports = directory.resolve("reports");
        try (OutputTree first = OutputTree.open(reports, List.of())) {
            OutputException second = assertThrows(OutputException.class, () -> OutputTree.open(reports, List.of()));
            assertEquals(
                    reports + " is being written by another nnx process; wait for it to finish or choose "
                            + "another --out",
                    second.getMessage());
        }
        OutputTree.open(reports, List.of()).close();
    }
}
