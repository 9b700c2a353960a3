package org.nnx.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVPrinter;
import org.nnx.files.AtomicFile;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.search.Halving;
import org.nnx.train.ExperimentResult;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/**
 * An experiment's {@code summary.csv}: one row per run with the columns
 * {@code run,status,<swept settings…>,train_accuracy,test_accuracy,loss,seconds,samples_per_second,reason}.
 *
 * <p>{@code reason} (empty when the run was ok) is an extra column beyond the contract, last, so tools that
 * read the contract's columns by name are unaffected. Accuracies are empty when the run was never
 * evaluated; {@code loss} is {@code NaN} or {@code Infinity} for a diverged run and empty for a run that
 * recorded no iteration; {@code seconds} keeps
 * milliseconds and {@code samples_per_second} one decimal.
 *
 * <p>A swept setting named like one of the fixed columns (a sweep over the loss function sweeps {@code loss})
 * is written as {@code <name>_setting}, e.g. {@code loss_setting}, so every column's name is unique and
 * tools that read columns by name get the final loss under {@code loss}. Swept settings are read by position
 * (between {@code status} and {@code train_accuracy}), and {@code loss_setting} reads back as {@code loss}.
 *
 * <p>A halving search adds {@code rung} after {@code reason}: the rung each trial reached, from 1, the last being
 * training to the end; empty for a trial that never started. Its pruned trials have the status {@code pruned}
 * and say in {@code reason} where they stopped.
 */
public final class SummaryCsv {
    /** The columns before the swept settings. */
    public static final List<String> LEADING_COLUMNS = List.of("run", "status");
    /** The columns after the swept settings, fixed by the contract. */
    public static final List<String> RESULT_COLUMNS =
            List.of("train_accuracy", "test_accuracy", "loss", "seconds", "samples_per_second");
    /** The extra column after the contract's ones. */
    public static final String REASON_COLUMN = "reason";
    /** A halving search's column after {@code reason}. */
    public static final String RUNG_COLUMN = "rung";

    /** What a swept setting's column is called when its name is taken by a fixed column. */
    static final String CLASH_SUFFIX = "_setting";

    private static final int SECONDS_DECIMALS = 3;
    private static final int SAMPLES_PER_SECOND_DECIMALS = 1;

    /**
     * A summary file read back.
     *
     * @param sweptSettings the swept settings' column names, in order
     */
    public record Summary(List<String> sweptSettings, List<Row> rows) {
        public Summary {
            sweptSettings = List.copyOf(sweptSettings);
            rows = List.copyOf(rows);
        }
    }

    /**
     * One row of the summary.
     *
     * @param swept  the swept settings' values, in column order
     * @param reason why the run was not ok; empty when it was (or the file has no reason column)
     */
    public record Row(
            String run,
            RunStatus status,
            Map<String, String> swept,
            double trainAccuracy,
            double testAccuracy,
            double loss,
            double seconds,
            double samplesPerSecond,
            String reason) {
        public Row {
            swept = Collections.unmodifiableMap(new LinkedHashMap<>(swept));
        }
    }

    private SummaryCsv() {}

    /** The header for an experiment with these swept settings. */
    public static List<String> header(List<String> sweptSettings) {
        List<String> header = new ArrayList<>(LEADING_COLUMNS);
        sweptSettings.forEach(setting -> header.add(column(setting)));
        header.addAll(RESULT_COLUMNS);
        header.add(REASON_COLUMN);
        return header;
    }

    /** The column of a swept setting: its name, or {@code <name>_setting} when a fixed column has that name. */
    static String column(String setting) {
        return isFixed(setting) ? setting + CLASH_SUFFIX : setting;
    }

    /** The setting a swept column holds: {@link #column(String)} undone. */
    static String setting(String column) {
        if (column.endsWith(CLASH_SUFFIX)) {
            String name = column.substring(0, column.length() - CLASH_SUFFIX.length());
            if (isFixed(name)) {
                return name;
            }
        }
        return column;
    }

    private static boolean isFixed(String name) {
        return LEADING_COLUMNS.contains(name) || RESULT_COLUMNS.contains(name) || REASON_COLUMN.equals(name);
    }

    /** Writes the summary of {@code result} to {@code file} (UTF-8), replacing it. */
    public static void write(ExperimentResult result, Path file) throws IOException {
        write(result.plan(), result.runs(), file);
    }

    /** Writes the rows of {@code runs}, with a column for each of {@code swept}, to {@code file}, replacing it. */
    static void write(List<String> swept, List<RunResult> runs, Path file) throws IOException {
        AtomicFile.writeText(file, out -> write(swept, Optional.empty(), runs, out));
    }

    /** Writes the rows of {@code runs} of {@code plan} to {@code file}, replacing it. */
    static void write(ExperimentPlan plan, List<RunResult> runs, Path file) throws IOException {
        AtomicFile.writeText(
                file, out -> write(plan.sweptSettings(), plan.search().halving(), runs, out));
    }

    /** Writes the summary of {@code result} to {@code out}; does not close it. */
    public static void write(ExperimentResult result, Appendable out) throws IOException {
        write(result.plan().sweptSettings(), result.plan().search().halving(), result.runs(), out);
    }

    private static void write(List<String> swept, Optional<Halving> halving, List<RunResult> runs, Appendable out)
            throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CsvText.FORMAT);
        List<String> header = header(swept);
        if (halving.isPresent()) {
            header.add(RUNG_COLUMN);
        }
        CsvText.print(printer, header);
        for (RunResult run : runs) {
            List<String> record = new ArrayList<>();
            record.add(run.name());
            record.add(run.status().label());
            for (String setting : swept) {
                record.add(run.plan().varying().getOrDefault(setting, ""));
            }
            record.add(Numbers.compactOrEmpty(run.trainAccuracy()));
            record.add(Numbers.compactOrEmpty(run.testAccuracy()));
            // A diverged run's NaN loss is the result and is written out; a run that never took a step (at most
            // the evaluation before the first, iteration 0) has none.
            boolean stepped = run.metrics().stream().anyMatch(row -> row.iteration() > 0);
            record.add(!stepped && Double.isNaN(run.loss()) ? "" : Numbers.compact(run.loss()));
            record.add(Numbers.fixedOrEmpty(run.seconds(), SECONDS_DECIMALS));
            record.add(Numbers.fixedOrEmpty(run.samplesPerSecond(), SAMPLES_PER_SECOND_DECIMALS));
            record.add(run.reason() == null ? "" : run.reason());
            halving.ifPresent(h -> {
                int rung = SearchTrials.rung(h, run);
                record.add(rung == 0 ? "" : Integer.toString(rung));
            });
            CsvText.print(printer, record);
        }
        printer.flush();
    }

    /** The text {@link #write(ExperimentResult, Appendable)} produces. */
    public static String toCsv(ExperimentResult result) {
        return CsvText.toText(out -> write(result, out));
    }

    /**
     * Reads a file written by {@link #write(ExperimentResult, Path)}.
     *
     * @throws CsvFormatException naming the file and line when the file is malformed
     */
    public static Summary read(Path file) throws IOException {
        try (Reader in = CsvText.open(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a summary from {@code in}; {@code source} names it in error messages. The {@code reason}
     * column is optional; columns after it are ignored.
     *
     * @throws CsvFormatException naming {@code source} and the line when the text is malformed
     */
    public static Summary read(Reader in, String source) throws IOException {
        List<CsvText.Line> lines = CsvText.readLines(in, source);
        String expected = "expected run,status,<swept settings>," + String.join(",", RESULT_COLUMNS);
        if (lines.isEmpty()) {
            throw new CsvFormatException(source, 0, "empty file; " + expected);
        }
        CsvText.Line header = lines.get(0);
        List<String> names = header.fields().stream().map(String::strip).toList();
        if (names.size() < LEADING_COLUMNS.size() || !names.subList(0, 2).equals(LEADING_COLUMNS)) {
            throw new CsvFormatException(source, header.number(), "the header must start with run,status; " + expected);
        }
        int resultsAt = indexOfSequence(names, RESULT_COLUMNS, LEADING_COLUMNS.size());
        if (resultsAt < 0) {
            throw new CsvFormatException(
                    source,
                    header.number(),
                    "missing the columns " + String.join(",", RESULT_COLUMNS) + "; " + expected);
        }
        List<String> swept = names.subList(LEADING_COLUMNS.size(), resultsAt).stream()
                .map(SummaryCsv::setting)
                .toList();
        int afterResults = resultsAt + RESULT_COLUMNS.size();
        int reasonAt = afterResults < names.size() && names.get(afterResults).equals(REASON_COLUMN) ? afterResults : -1;

        List<Row> rows = new ArrayList<>();
        for (CsvText.Line line : lines.subList(1, lines.size())) {
            CsvText.requireFields(line, names.size(), source);
            rows.add(row(line, swept, resultsAt, reasonAt, source));
        }
        return new Summary(swept, rows);
    }

    /** One run's row: its swept values follow run and status, its results start at {@code resultsAt}. */
    private static Row row(CsvText.Line line, List<String> swept, int resultsAt, int reasonAt, String source)
            throws CsvFormatException {
        List<String> fields = line.fields();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < swept.size(); i++) {
            values.put(swept.get(i), fields.get(LEADING_COLUMNS.size() + i));
        }
        double[] results = new double[RESULT_COLUMNS.size()];
        for (int i = 0; i < results.length; i++) {
            results[i] = CsvText.number(fields.get(resultsAt + i), RESULT_COLUMNS.get(i), source, line.number());
        }
        return new Row(
                fields.get(0),
                status(fields.get(1), source, line.number()),
                values,
                results[0],
                results[1],
                results[2],
                results[3],
                results[4],
                reasonAt < 0 ? "" : fields.get(reasonAt));
    }

    private static RunStatus status(String field, String source, long line) throws CsvFormatException {
        for (RunStatus status : RunStatus.values()) {
            if (status.label().equals(field.strip().toLowerCase(Locale.ROOT))) {
                return status;
            }
        }
        List<String> labels =
                Arrays.stream(RunStatus.values()).map(RunStatus::label).toList();
        throw new CsvFormatException(source, line, "status '" + field + "' is not one of " + String.join(", ", labels));
    }

    /** The first index at or after {@code from} where {@code sequence} occurs in {@code list}, or -1. */
    private static int indexOfSequence(List<String> list, List<String> sequence, int from) {
        for (int i = from; i + sequence.size() <= list.size(); i++) {
            if (list.subList(i, i + sequence.size()).equals(sequence)) {
                return i;
            }
        }
        return -1;
    }
}
