package org.nnx.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.nnx.files.AtomicFile;
import org.nnx.model.ObjectivePlan;
import org.nnx.train.ObjectiveResult;

/**
 * The CSV files of an objective: {@code runs/<run>/metrics.csv} with a row per step ({@code step, x0, x1, …, f})
 * and {@code summary.csv} with a row per run ({@code run, status, <swept settings>, f, x0, …, steps, seconds, reason}).
 */
public final class ObjectiveCsv {
    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private ObjectiveCsv() {}

    public static void writeMetrics(ObjectiveResult result, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        int dimensions = result.run().start().size();
        AtomicFile.writeText(file, out -> {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            List<String> header = new ArrayList<>(List.of("step"));
            for (int i = 0; i < dimensions; i++) {
                header.add("x" + i);
            }
            header.add("f");
            CsvText.print(printer, header);
            for (int step = 0; step < result.points().size(); step++) {
                List<String> row = new ArrayList<>(List.of(Integer.toString(step)));
                for (double x : result.points().get(step)) {
                    row.add(Double.toString(x));
                }
                row.add(Double.toString(result.values().get(step)));
                CsvText.print(printer, row);
            }
        });
    }

    public static void writeSummary(ObjectivePlan plan, List<ObjectiveResult> results, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        int dimensions = plan.runs().isEmpty() ? 0 : plan.runs().get(0).start().size();
        AtomicFile.writeText(file, out -> {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            List<String> header = new ArrayList<>(List.of("run", "status"));
            header.addAll(plan.sweptSettings());
            header.add("f");
            for (int i = 0; i < dimensions; i++) {
                header.add("x" + i);
            }
            header.addAll(List.of("steps", "seconds", "reason"));
            CsvText.print(printer, header);
            for (ObjectiveResult result : results) {
                List<String> row =
                        new ArrayList<>(List.of(result.name(), result.status().label()));
                plan.sweptSettings()
                        .forEach(setting -> row.add(result.run().varying().get(setting)));
                row.add(Double.toString(result.finalValue()));
                double[] last = result.points().get(result.points().size() - 1);
                for (double x : last) {
                    row.add(Double.toString(x));
                }
                row.add(Integer.toString(result.points().size() - 1));
                row.add(String.format(Locale.ROOT, "%.3f", result.seconds()));
                row.add(result.reason());
                CsvText.print(printer, row);
            }
        });
    }
}
