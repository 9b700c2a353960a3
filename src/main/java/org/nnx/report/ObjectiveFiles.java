package org.nnx.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.model.GradientMode;
import org.nnx.model.ObjectivePlan;
import org.nnx.model.ObjectiveRun;
import org.nnx.model.SweptValues;
import org.nnx.train.ObjectiveResult;
import org.nnx.train.RunStatus;
import org.nnx.train.Version;

/**
 * An objective's report folder as files, for {@code nnx compare}: {@code objective.csv} ({@code key,value}:
 * {@code name}, {@code description}, {@code source}, {@code formula}, {@code nnx}) beside the
 * {@code summary.csv} and {@code runs/<run>/metrics.csv} the objective writes anyway. Read back, a run has
 * its status, reason, swept values, points and f per step; what the files do not keep (the compiled formula,
 * the learning rate) is left out, so a comparison draws no landscape.
 */
public final class ObjectiveFiles {
    /** The objective's facts, beside its summary. */
    public static final String OBJECTIVE_FILE = "objective.csv";

    /** A folder read back: the plan its files describe and its runs' results. */
    public record ReportedObjective(ObjectivePlan plan, List<ObjectiveResult> results, Map<String, String> facts) {}

    private ObjectiveFiles() {}

    static void writeObjective(ObjectivePlan plan, Path file) throws IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("name", plan.name());
        facts.put("description", plan.description() == null ? "" : plan.description());
        facts.put("source", plan.source() == null ? "" : plan.source().toString());
        facts.put("formula", plan.formula() == null ? "" : plan.formula());
        facts.put("nnx", Version.current());
        CsvText.writeFacts(file, facts);
    }

    /** True for a folder whose {@code summary.csv} is an objective's: a column {@code f} and one {@code steps}. */
    public static boolean isObjectiveFolder(Path folder) {
        Path summary = folder.resolve(ReportWriter.SUMMARY_FILE);
        if (!Files.isRegularFile(summary)) {
            return false;
        }
        try (var lines = Files.lines(summary, StandardCharsets.UTF_8)) {
            return lines.findFirst()
                    .map(header -> {
                        List<String> columns = Arrays.asList(header.split(","));
                        return columns.size() > 2
                                && columns.get(0).equals("run")
                                && columns.get(1).equals("status")
                                && columns.contains("f")
                                && columns.contains("steps");
                    })
                    .orElse(false);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The objective in {@code folder}.
     *
     * @throws CsvFormatException naming the file and line of a malformed file
     * @throws NoSuchFileException when the summary or a run's metrics are missing
     */
    public static ReportedObjective read(Path folder) throws IOException {
        Path summaryFile = folder.resolve(ReportWriter.SUMMARY_FILE);
        List<CsvText.Line> lines = lines(summaryFile);
        if (lines.isEmpty()) {
            throw new CsvFormatException(summaryFile.toString(), 0, "empty file; expected a header");
        }
        List<String> header = lines.get(0).fields();
        int f = header.indexOf("f");
        int steps = header.indexOf("steps");
        int seconds = header.indexOf("seconds");
        int reason = header.indexOf("reason");
        if (f < 2 || steps < 0) {
            throw new CsvFormatException(
                    summaryFile.toString(), lines.get(0).number(), "not an objective's summary: no column f or steps");
        }
        List<String> swept = header.subList(2, f);
        Map<String, String> facts = keyValues(folder.resolve(OBJECTIVE_FILE));
        String name = facts.getOrDefault("name", folder.getFileName().toString());
        List<ObjectiveRun> runs = new ArrayList<>();
        List<ObjectiveResult> results = new ArrayList<>();
        for (CsvText.Line line : lines.subList(1, lines.size())) {
            CsvText.requireFields(line, header.size(), summaryFile.toString());
            List<String> fields = line.fields();
            String run = fields.get(0);
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < swept.size(); i++) {
                values.put(swept.get(i), fields.get(2 + i));
            }
            Path metrics = ReportWriter.metricsFile(folder, run);
            List<double[]> points = new ArrayList<>();
            List<Double> fs = new ArrayList<>();
            readMetrics(metrics, points, fs);
            long taken = (long) CsvText.number(fields.get(steps), "steps", summaryFile.toString(), line.number());
            ObjectiveRun plan = new ObjectiveRun(
                    run,
                    SweptValues.of(values),
                    null,
                    points.isEmpty()
                            ? List.of()
                            : Arrays.stream(points.get(0)).boxed().toList(),
                    Double.NaN,
                    taken,
                    GradientMode.BACKPROP);
            runs.add(plan);
            results.add(new ObjectiveResult(
                    plan,
                    status(fields.get(1), summaryFile, line.number()),
                    reason < 0 ? "" : fields.get(reason),
                    points,
                    fs,
                    seconds < 0
                            ? Double.NaN
                            : CsvText.number(fields.get(seconds), "seconds", summaryFile.toString(), line.number())));
        }
        Path source = facts.getOrDefault("source", "").isEmpty() ? null : Path.of(facts.get("source"));
        ObjectivePlan plan =
                new ObjectivePlan(name, facts.getOrDefault("description", ""), source, facts.get("formula"), runs);
        return new ReportedObjective(plan, results, facts);
    }

    private static RunStatus status(String label, Path file, long line) throws CsvFormatException {
        for (RunStatus status : RunStatus.values()) {
            if (status.label().equals(label)) {
                return status;
            }
        }
        throw new CsvFormatException(file.toString(), line, "unknown status '" + label + "'");
    }

    /** A run's {@code step,x0,…,f} rows into its points and values. */
    private static void readMetrics(Path file, List<double[]> points, List<Double> values) throws IOException {
        List<CsvText.Line> lines = lines(file);
        if (lines.isEmpty()) {
            return;
        }
        int width = lines.get(0).fields().size();
        for (CsvText.Line line : lines.subList(1, lines.size())) {
            CsvText.requireFields(line, width, file.toString());
            double[] x = new double[width - 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = CsvText.number(line.fields().get(1 + i), "x" + i, file.toString(), line.number());
            }
            points.add(x);
            values.add(CsvText.number(line.fields().get(width - 1), "f", file.toString(), line.number()));
        }
    }

    private static Map<String, String> keyValues(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        List<CsvText.Line> lines = lines(file);
        for (CsvText.Line line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (line.fields().size() != 2) {
                throw new CsvFormatException(file.toString(), line.number(), "expected key,value");
            }
            values.put(line.fields().get(0), line.fields().get(1));
        }
        return values;
    }

    private static List<CsvText.Line> lines(Path file) throws IOException {
        try (Reader in = CsvText.open(file)) {
            return CsvText.readLines(in, file.toString());
        }
    }
}
