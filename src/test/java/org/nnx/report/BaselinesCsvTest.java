package org.nnx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.train.Baselines;

class BaselinesCsvTest {
    @TempDir
    Path dir;

    @Test
    void writtenAndReadBack() throws IOException {
        Path file = dir.resolve(BaselinesCsv.FILE);
        Baselines baselines = new Baselines(0.1, "T-shirt, top", 0.1135, 0.9495);
        BaselinesCsv.write(baselines, file);
        assertEquals(
                "key,value\nchance,0.1\nmajority_class,\"T-shirt, top\"\nmajority,0.1135\nnearest_neighbour,0.9495\n",
                Files.readString(file));
        assertEquals(Optional.of(baselines), BaselinesCsv.read(file));
    }

    @Test
    void anExperimentWrittenBeforeBaselinesHasNone() throws IOException {
        assertEquals(Optional.empty(), BaselinesCsv.read(dir.resolve(BaselinesCsv.FILE)));
    }
}
