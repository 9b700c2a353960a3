package org.nnx.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path directory;

    private List<String> names() throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheWholeFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = directory.resolve("summary.csv");
        Files.writeString(target, "old content that is longer than the new one\n");
        AtomicFile.writeString(target, "new\n");
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of("summary.csv"), names());
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileWhole() throws IOException {
        Path target = directory.resolve("source.nnx");
        Files.writeString(target, "experiment x {}\n");
        IOException failure = assertThrows(
                IOException.class,
                () -> AtomicFile.write(target, out -> {
                    out.write("experiment x { half".getBytes());
                    throw new IOException("No space left on device");
                }));
        assertEquals("No space left on device", failure.getMessage());
        assertEquals("experiment x {}\n", Files.readString(target));
        assertEquals(List.of("source.nnx"), names(), "the temporary file is removed");
    }

    @Test
    void aRewrittenFileKeepsItsPermissions() throws IOException {
        Path target = directory.resolve("shared.nnx");
        Files.writeString(target, "old\n");
        var permissions = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, permissions);
        AtomicFile.writeString(target, "new\n");
        assertEquals(permissions, Files.getPosixFilePermissions(target));
    }

    @Test
    void aSymbolicLinkAtTheTargetIsReplacedNotWrittenThrough() throws IOException {
        Path victim = directory.resolve("victim.txt");
        Files.writeString(victim, "precious\n");
        Path link = directory.resolve("summary.csv");
        Files.createSymbolicLink(link, victim);
        AtomicFile.writeString(link, "results\n");
        assertEquals("precious\n", Files.readString(victim));
        assertTrue(!Files.isSymbolicLink(link) && Files.readString(link).equals("results\n"));
    }
}
