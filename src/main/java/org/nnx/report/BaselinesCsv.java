package org.nnx.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVPrinter;
import org.nnx.files.AtomicFile;
import org.nnx.train.Baselines;

/**
 * An experiment's {@code baselines.csv}: {@code key,value} rows {@code chance}, {@code majority_class},
 * {@code majority} and {@code nearest_neighbour}, what no learning scores on its test split; read back by
 * {@code nnx compare}.
 */
final class BaselinesCsv {
    static final String FILE = "baselines.csv";

    private BaselinesCsv() {}

    static void write(Baselines baselines, Path file) throws IOException {
        AtomicFile.writeText(file, out -> {
            CSVPrinter printer = new CSVPrinter(out, CsvText.FORMAT);
            CsvText.print(printer, "key", "value");
            CsvText.print(printer, "chance", Numbers.compact(baselines.chance()));
            CsvText.print(printer, "majority_class", baselines.majorityClass());
            CsvText.print(printer, "majority", Numbers.compact(baselines.majority()));
            CsvText.print(printer, "nearest_neighbour", Numbers.compact(baselines.nearestNeighbour()));
            printer.flush();
        });
    }

    /** The baselines in {@code file}; empty when there is no such file (an experiment written before them). */
    static Optional<Baselines> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<CsvText.Line> lines;
        try (var in = CsvText.open(file)) {
            lines = CsvText.readLines(in, file.toString());
        }
        for (CsvText.Line line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            CsvText.requireFields(line, 2, file.toString());
            values.put(line.fields().get(0), line.fields().get(1));
        }
        return Optional.of(new Baselines(
                number(values, "chance", file, lines),
                values.getOrDefault("majority_class", ""),
                number(values, "majority", file, lines),
                number(values, "nearest_neighbour", file, lines)));
    }

    private static double number(Map<String, String> values, String key, Path file, List<CsvText.Line> lines)
            throws CsvFormatException {
        return CsvText.number(values.getOrDefault(key, ""), key, file.toString(), lines.size());
    }
}
