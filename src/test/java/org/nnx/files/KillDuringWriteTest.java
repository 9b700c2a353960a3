package org.nnx.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.ChildJvm;

/** SIGKILL between the write of the new content and its rename leaves the original file whole. */
class KillDuringWriteTest {
    @TempDir
    Path directory;

    @Test
    void aSourceRewrittenWhenTheProcessIsKilledStaysAsItWas() throws Exception {
        Path source = directory.resolve("experiment.nnx");
        String original = "experiment x {\n  learning_rate 0.1\n}\n";
        Files.writeString(source, original);
        Process process = ChildJvm.start(KilledWriter.class, source.toString());
        BufferedReader output = ChildJvm.output(process);
        assertEquals("half written", output.readLine());
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, process.exitValue(), "killed by SIGKILL");
        assertEquals(original, Files.readString(source));
    }
}
