package org.nnx.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;
import org.nnx.files.AtomicFile;
import org.nnx.train.MetricsRow;

/**
 * A run's {@code runs/<run>/metrics.csv}: one row per iteration with the columns of {@link #HEADER}, followed
 * by those of {@link #VALIDATION_COLUMNS} when the run has a validation set (when any row has a validation
 * metric), then those of {@link #HELD_OUT_COLUMNS}: the test loss at each evaluation and the seconds since
 * the run started, and last the per-parameter diagnostics of the evaluations ({@link ParameterColumns}). The
 * partial file of a run still training ({@link MetricsStream}) has all but the per-parameter columns.
 *
 * <p>How values are written: {@code iteration} as an integer; {@code epoch} with at most four decimals;
 * {@code loss} and the accuracies as the shortest text that reads back to the same number (a float32
 * loss reads back as the same float, everything else exactly), {@code NaN}/{@code Infinity} for a
 * diverged loss, empty on the row of iteration 0 (the evaluation before the first step). Accuracies are
 * empty on rows where the model was not evaluated.
 *
 * <p>The reader requires the columns of {@link #HEADER} in any order, reads the validation columns when they
 * are there (NaN when not), and ignores others.
 */
public final class MetricsCsv {
    /** The columns, in the order they are written. */
    public static final List<String> HEADER = List.of("iteration", "epoch", "loss", "train_accuracy", "test_accuracy");
    /** The columns written after {@link #HEADER} for a run with a validation set. */
    public static final List<String> VALIDATION_COLUMNS = List.of("validation_accuracy", "validation_loss");

    /** The columns written after the others: test loss where evaluated, seconds into the run on every row. */
    public static final List<String> HELD_OUT_COLUMNS = List.of("test_loss", "seconds");

    /** Decimals kept for {@code seconds}: milliseconds. */
    private static final int SECONDS_DECIMALS = 3;

    /** Decimals kept for {@code epoch}: enough to tell iterations apart on datasets up to ~10 000 batches. */
    private static final int EPOCH_DECIMALS = 4;

    private MetricsCsv() {}

    /** Writes {@code rows} to {@code file} (UTF-8), replacing it. The parent directory must exist. */
    public static void write(List<MetricsRow> rows, Path file) throws IOException {
        AtomicFile.writeText(file, out -> {
            write(rows, out);
        });
    }

    /** Writes the header and {@code rows} to {@code out}; does not close it. */
    public static void write(List<MetricsRow> rows, Appendable out) throws IOException {
        boolean validation = rows.stream()
                .anyMatch(row -> !Double.isNaN(row.validationAccuracy()) || !Double.isNaN(row.validationLoss()));
        ParameterColumns parameters = ParameterColumns.of(rows);
        CSVPrinter printer = new CSVPrinter(out, CsvText.FORMAT);
        List<String> header = header(validation);
        header.addAll(parameters.header());
        CsvText.print(printer, header);
        for (MetricsRow row : rows) {
            List<String> fields = fields(row, validation);
            fields.addAll(parameters.fields(row));
            CsvText.print(printer, fields);
        }
        printer.flush();
    }

    /** The columns of a run with or without a validation set. */
    static List<String> header(boolean validation) {
        List<String> header = new ArrayList<>(HEADER);
        if (validation) {
            header.addAll(VALIDATION_COLUMNS);
        }
        header.addAll(HELD_OUT_COLUMNS);
        return header;
    }

    /** One row's cells under {@link #header(boolean)}. */
    static List<String> fields(MetricsRow row, boolean validation) {
        List<String> fields = new ArrayList<>(HEADER.size() + VALIDATION_COLUMNS.size() + HELD_OUT_COLUMNS.size());
        fields.add(Long.toString(row.iteration()));
        fields.add(Numbers.fixed(row.epoch(), EPOCH_DECIMALS));
        // The evaluation before training has no mini-batch loss: empty, not the NaN of a diverged loss.
        fields.add(row.iteration() == 0 ? Numbers.compactOrEmpty(row.loss()) : Numbers.compact(row.loss()));
        fields.add(Numbers.compactOrEmpty(row.trainAccuracy()));
        fields.add(Numbers.compactOrEmpty(row.testAccuracy()));
        if (validation) {
            fields.add(Numbers.compactOrEmpty(row.validationAccuracy()));
            fields.add(Numbers.compactOrEmpty(row.validationLoss()));
        }
        fields.add(Numbers.compactOrEmpty(row.testLoss()));
        fields.add(Numbers.fixedOrEmpty(row.seconds(), SECONDS_DECIMALS));
        return fields;
    }

    /** The text {@link #write(List, Appendable)} produces. */
    public static String toCsv(List<MetricsRow> rows) {
        return CsvText.toText(out -> write(rows, out));
    }

    /**
     * Reads a file written by {@link #write(List, Path)}.
     *
     * @throws CsvFormatException naming the file and line when the file is malformed
     */
    public static List<MetricsRow> read(Path file) throws IOException {
        try (Reader in = CsvText.open(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads metrics from {@code in}; {@code source} names it in error messages.
     *
     * @throws CsvFormatException naming {@code source} and the line when the text is malformed
     */
    public static List<MetricsRow> read(Reader in, String source) throws IOException {
        List<CsvText.Line> lines = CsvText.readLines(in, source);
        if (lines.isEmpty()) {
            throw new CsvFormatException(source, 0, "empty file; expected the header " + String.join(",", HEADER));
        }
        CsvText.Line header = lines.get(0);
        Map<String, Integer> columnOf = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            columnOf.putIfAbsent(header.fields().get(i).strip(), i);
        }
        int[] index = requiredColumns(columnOf, header.number(), source);
        Integer validationAccuracyColumn = columnOf.get(VALIDATION_COLUMNS.get(0));
        Integer validationLossColumn = columnOf.get(VALIDATION_COLUMNS.get(1));
        Integer testLossColumn = columnOf.get(HELD_OUT_COLUMNS.get(0));
        Integer secondsColumn = columnOf.get(HELD_OUT_COLUMNS.get(1));

        List<MetricsRow> rows = new ArrayList<>(lines.size() - 1);
        for (CsvText.Line line : lines.subList(1, lines.size())) {
            CsvText.requireFields(line, header.fields().size(), source);
            long iteration = parseIteration(line.fields().get(index[0]), source, line.number());
            double epoch = number(line, index[1], HEADER.get(1), source);
            double loss = number(line, index[2], HEADER.get(2), source);
            double train = number(line, index[3], HEADER.get(3), source);
            double test = number(line, index[4], HEADER.get(4), source);
            double validationAccuracy = validationAccuracyColumn == null
                    ? Double.NaN
                    : number(line, validationAccuracyColumn, VALIDATION_COLUMNS.get(0), source);
            double validationLoss = validationLossColumn == null
                    ? Double.NaN
                    : number(line, validationLossColumn, VALIDATION_COLUMNS.get(1), source);
            double testLoss = optional(line, testLossColumn, HELD_OUT_COLUMNS.get(0), source);
            double seconds = optional(line, secondsColumn, HELD_OUT_COLUMNS.get(1), source);
            rows.add(new MetricsRow(
                            iteration, epoch, loss, train, test, validationAccuracy, validationLoss, testLoss, seconds)
                    .withParameters(ParameterColumns.read(header.fields(), line, source)));
        }
        return rows;
    }

    /** Where each column of {@link #HEADER} is; they may come in any order, but none may be missing. */
    private static int[] requiredColumns(Map<String, Integer> columnOf, long headerLine, String source)
            throws CsvFormatException {
        int[] index = new int[HEADER.size()];
        for (int c = 0; c < HEADER.size(); c++) {
            Integer found = columnOf.get(HEADER.get(c));
            if (found == null) {
                throw new CsvFormatException(
                        source,
                        headerLine,
                        "missing column '" + HEADER.get(c) + "'; expected the header " + String.join(",", HEADER));
            }
            index[c] = found;
        }
        return index;
    }

    private static long parseIteration(String field, String source, long line) throws CsvFormatException {
        try {
            return Long.parseLong(field.strip());
        } catch (NumberFormatException e) {
            throw new CsvFormatException(source, line, "iteration '" + field + "' is not a whole number");
        }
    }

    /** The number in {@code column}, or NaN when the file has no such column (one written by an older nnx). */
    private static double optional(CsvText.Line line, Integer column, String name, String source)
            throws CsvFormatException {
        return column == null ? Double.NaN : number(line, column, name, source);
    }

    private static double number(CsvText.Line line, int column, String name, String source) throws CsvFormatException {
        return CsvText.number(line.fields().get(column), name, source, line.number());
    }
}
