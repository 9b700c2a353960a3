package org.nnx.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nnx.train.StopSignal;

/**
 * nnx's command line run in-process, as a test drives it: each call starts with empty streams, so what a
 * test reads after a call is what that call printed.
 */
final class CliHarness {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Supplier<Path> defaultPluginFolder;
    private final boolean chooseBlas;

    private CliHarness(Supplier<Path> defaultPluginFolder, boolean chooseBlas) {
        this.defaultPluginFolder = defaultPluginFolder;
        this.chooseBlas = chooseBlas;
    }

    /** A command line whose default plugin folder is {@code folder} (usually one that does not exist). */
    static CliHarness withPluginFolder(Path folder) {
        return withPluginFolder(() -> folder);
    }

    /**
     * As {@link #withPluginFolder(Path)}, the folder asked for at each call: a field can then name a folder in
     * the test's {@code @TempDir}, which JUnit sets only after the fields are initialized.
     */
    static CliHarness withPluginFolder(Supplier<Path> folder) {
        return new CliHarness(folder, false);
    }

    /**
     * A command line whose default plugin folder is {@code folder} and that chooses the BLAS backend as
     * {@code ./nnx} does, for tests that train as a user would.
     */
    static CliHarness choosingBlas(Supplier<Path> folder) {
        return new CliHarness(folder, true);
    }

    /** A command line with nnx's own default plugin folder, {@code ./plugins}. */
    static CliHarness withDefaultPlugins() {
        return new CliHarness(null, false);
    }

    /** Runs nnx with {@code args} and returns its exit status. */
    int run(String... args) {
        out.reset();
        err.reset();
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        Cli cli = defaultPluginFolder == null
                ? new Cli(stdout, stderr, new StopSignal(), false)
                : new Cli(stdout, stderr, new StopSignal(), false, defaultPluginFolder.get(), chooseBlas);
        return cli.run(args);
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The rows of a CSV file nnx wrote, by the names of its header. */
    static List<CSVRecord> csvRows(Path file) throws IOException {
        try (CSVParser csv = CSVParser.parse(
                file,
                StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().build())) {
            return csv.getRecords();
        }
    }
}
