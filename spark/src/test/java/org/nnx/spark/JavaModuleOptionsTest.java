package org.nnx.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options a Spark driver needs on Java 17 are Spark's own ({@link JavaModuleOptions}), wherever nnx
 * writes them down: in spark/pom.xml for the tests, and in {@code ./nnx} for {@code run --engine spark}.
 */
class JavaModuleOptionsTest {
    private static final String[] SPARKS =
            JavaModuleOptions.defaultModuleOptions().split(" ");

    @TempDir
    Path dir;

    @Test
    void theTestsRunWithSparksOptions() {
        assertArrayEquals(SPARKS, System.getProperty("nnx.spark.options").trim().split("\\s+"));
    }

    @Test
    void nnxRunsTheSparkEngineWithSparksOptionsAndItsClassPath() throws Exception {
        // Stand-ins for java and mvn: the first says how ./nnx started it, the second builds nothing.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        script(bin.resolve("java"), "printf '%s\\n' \"$@\" > \"" + dir.resolve("java-args") + "\"");
        script(bin.resolve("mvn"), "exit 0");
        Path project =
                Path.of(System.getProperty("nnx.project")).toAbsolutePath().normalize();
        ProcessBuilder nnx = new ProcessBuilder(
                        project.resolve("nnx").toString(),
                        "run",
                        "sweep.nnx",
                        "--engine",
                        "spark",
                        "--master",
                        "local[2]")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nnx.log").toFile());
        nnx.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = nnx.start();
        assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("nnx.log")));

        List<String> args = Files.readAllLines(dir.resolve("java-args"));
        int first = args.indexOf(SPARKS[0]);
        assertTrue(first >= 0, "Spark's options: " + args);
        assertEquals(Arrays.asList(SPARKS), args.subList(first, first + SPARKS.length));
        int classPath = args.indexOf("-cp");
        assertTrue(
                args.get(classPath + 1).startsWith(project.resolve("spark/target/nnx-spark.jar") + ":"),
                "nnx-spark.jar, then Spark's jars: " + args.get(classPath + 1));
        assertEquals(
                List.of("org.nnx.cli.Main", "run", "sweep.nnx", "--engine", "spark", "--master", "local[2]"),
                args.subList(classPath + 2, args.size()));
    }

    private static void script(Path file, String body) throws Exception {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
