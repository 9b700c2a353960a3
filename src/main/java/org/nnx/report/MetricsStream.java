package org.nnx.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.csv.CSVPrinter;
import org.nnx.train.MetricsRow;

/**
 * The metrics of a run that is still training, appended as the run records them to
 * {@code runs/<run>/metrics.csv.partial} in {@code metrics.csv}'s format, and flushed at each evaluation and
 * at least every {@link #FLUSH_NANOS}: what a crash leaves of an unfinished run. The run's complete
 * {@code metrics.csv} replaces it when the run ends.
 */
final class MetricsStream implements AutoCloseable {
    /** The partial file's name beside {@code metrics.csv}. */
    static final String PARTIAL_SUFFIX = ".partial";

    static final long FLUSH_NANOS = 1_000_000_000L;

    private final Path file;
    private final Writer out;
    private final CSVPrinter printer;
    private final boolean validation;
    private long flushed = System.nanoTime();

    private MetricsStream(Path file, Writer out, boolean validation) throws IOException {
        this.file = file;
        this.out = out;
        this.printer = new CSVPrinter(out, CsvText.FORMAT);
        this.validation = validation;
        CsvText.print(printer, MetricsCsv.header(validation));
    }

    /** Starts {@code file} afresh; {@code validation} when the run holds out a validation set. */
    static MetricsStream open(Path file, boolean validation) throws IOException {
        Writer out = new BufferedWriter(Files.newBufferedWriter(
                file,
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS));
        return new MetricsStream(file, out, validation);
    }

    void append(MetricsRow row) throws IOException {
        CsvText.print(printer, MetricsCsv.fields(row, validation));
        long now = System.nanoTime();
        if (row.evaluated() || now - flushed > FLUSH_NANOS) {
            printer.flush();
            flushed = now;
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
