package org.nnx.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugin author does, start to end: generates a plugin project from the archetype, builds it with
 * Maven offline (its test runs the plugin test kit), and runs the jar through nnx: {@code nnx plugins
 * --verify} and a small run. The archetype, nnx and the test kit come from the repository this build staged
 * them in; Maven's plugins and nnx's libraries from the user's local repository, read as a mirror.
 */
class ArchetypeBuildIT {
    private static final Path STAGED = Path.of(System.getProperty("nnx.stagedRepository"));
    private static final Path USER_REPOSITORY = Path.of(System.getProperty("nnx.userRepository"));
    private static final String VERSION = System.getProperty("nnx.version");
    private static final Path NNX_JAR = Path.of(System.getProperty("nnx.jar"));

    @TempDir
    Path work;

    @Test
    void aGeneratedPluginBuildsOfflineAndTrainsInNnx() throws Exception {
        Path settings = Files.writeString(work.resolve("settings.xml"), """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>user-repository</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(USER_REPOSITORY.toUri()));
        List<String> maven = List.of(
                "mvn",
                "-B",
                "-o",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + STAGED,
                // Offline, yet files may be read: the mirror is the user's repository on this disk.
                "-Daether.offline.protocols=file");

        List<String> generate = new ArrayList<>(maven);
        generate.addAll(List.of(
                "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate",
                "-DinteractiveMode=false",
                "-DarchetypeCatalog=local",
                "-DarchetypeGroupId=org.nnx",
                "-DarchetypeArtifactId=nnx-plugin-archetype",
                "-DarchetypeVersion=" + VERSION,
                "-DgroupId=com.example",
                "-DartifactId=softsign-plugin",
                "-Dversion=1.0",
                "-Dpackage=com.example.softsign"));
        run(work, generate);
        Path project = work.resolve("softsign-plugin");
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/com/example/softsign/SoftsignFactory.java")));

        List<String> build = new ArrayList<>(maven);
        build.add("package");
        String built = run(project, build);
        assertTrue(built.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), built);
        Path jar = project.resolve("target/softsign-plugin-1.0.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals("2..", file.getManifest().getMainAttributes().getValue("Nnx-Spi-Versions"));
            assertEquals(
                    "plugin softsign-plugin 2\nlayer softsign\n",
                    new String(file.getInputStream(file.getEntry("META-INF/nnx/contributions.index"))
                                    .readAllBytes())
                            .lines()
                            .filter(line -> !line.startsWith("#"))
                            .map(line -> line + "\n")
                            .reduce("", String::concat));
            assertEquals(null, file.getEntry("org/nnx/spi/NnxPlugin.class"), "the SPI is provided, not bundled");
        }

        Path plugins = Files.createDirectory(work.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        String verified = run(work, nnx("plugins", "--verify", "--plugins", plugins.toString()));
        assertTrue(
                verified.contains("\nok      layer softsign, softsign-plugin-1.0.jar 1.0: largest relative error "),
                verified);
        assertTrue(
                Pattern.compile("\n\\d+ layers checked against central differences: all agree \\(tolerance 1e-4\\)\n")
                        .matcher(verified)
                        .find(),
                verified);

        Path file = Files.writeString(work.resolve("softsign.nnx"), """
                experiment softsign {
                    dataset spiral, points = 60
                    model {
                        dense 3
                        softsign
                    }
                    loss mse
                    optimizer adam
                    learning_rate 0.01
                    epochs 2
                    seed 11
                }
                """);
        String ran = run(
                work,
                nnx(
                        "run",
                        file.toString(),
                        "--plugins",
                        plugins.toString(),
                        "--out",
                        work.resolve("reports").toString()));
        assertTrue(ran.contains("\n  softsign: ok, train "), ran);
        assertTrue(Files.isRegularFile(work.resolve("reports/softsign/index.html")), ran);
    }

    private static List<String> nnx(String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", NNX_JAR.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs the command in the folder; its output, which the failure message shows when it does not end with 0. */
    private static String run(Path folder, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
        return output;
    }
}
