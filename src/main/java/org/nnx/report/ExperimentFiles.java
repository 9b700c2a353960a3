package org.nnx.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVPrinter;
import org.nnx.files.AtomicFile;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.model.SweptValues;
import org.nnx.train.ExperimentResult;
import org.nnx.train.MetricsRow;
import org.nnx.train.Provenance;
import org.nnx.train.RunResult;
import org.nnx.train.Version;

/**
 * The files beside the report that let {@code nnx compare} rebuild it without the {@code .nnx} file:
 * <ul>
 *   <li>{@code experiment.nnx}: the effective configuration, as the report prints it;</li>
 *   <li>{@code experiment.csv}: {@code key,value} rows {@code name}, {@code description}, {@code source},
 *       {@code source_sha256}, {@code nnx};</li>
 *   <li>{@code runs/<run>/run.nnx}: the run's own configuration, its swept values in place;</li>
 *   <li>{@code runs/<run>/run.csv}: {@code section,key,value} rows: section {@code run} with {@code name} and
 *       {@code configuration} (shared by the repeats of one configuration); {@code swept} with each swept
 *       setting and its value; {@code provenance} with what the run ran on; and any extra section such as
 *       {@code gradient_check}.</li>
 * </ul>
 * Together with {@code summary.csv} and each run's {@code metrics.csv} that is everything the report shows.
 * Files written before these existed still read: the configuration and provenance are then missing.
 */
public final class ExperimentFiles {
    static final String RUN_SECTION = "run";
    static final String SWEPT_SECTION = "swept";
    static final String PROVENANCE_SECTION = "provenance";
    static final String GRADIENT_CHECK_SECTION = "gradient_check";

    private ExperimentFiles() {}

    static void writeExperiment(ExperimentPlan plan, String sourceSha256, Path directory) throws IOException {
        AtomicFile.writeString(
                directory.resolve(ReportWriter.CONFIGURATION_FILE),
                plan.effectiveConfig() == null ? "" : plan.effectiveConfig());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("name", plan.name());
        facts.put("description", plan.description() == null ? "" : plan.description());
        facts.put("source", plan.source() == null ? "" : plan.source().toString());
        facts.put("source_sha256", sourceSha256);
        facts.put("nnx", Version.current());
        CsvText.writeFacts(directory.resolve(ReportWriter.EXPERIMENT_FILE), facts);
    }

    static void writeRun(RunResult run, Path file) throws IOException {
        AtomicFile.writeText(file, out -> {
            CSVPrinter printer = new CSVPrinter(out, CsvText.FORMAT);
            CsvText.print(printer, "section", "key", "value");
            CsvText.print(printer, RUN_SECTION, "name", run.name());
            CsvText.print(
                    printer,
                    RUN_SECTION,
                    "configuration",
                    run.plan().configuration() == null ? run.name() : run.plan().configuration());
            for (Map.Entry<String, String> entry : run.plan().varying().asMap().entrySet()) {
                CsvText.print(printer, SWEPT_SECTION, entry.getKey(), entry.getValue());
            }
            for (Map.Entry<String, String> entry :
                    new TreeMap<>(run.provenance().entries()).entrySet()) {
                CsvText.print(printer, PROVENANCE_SECTION, entry.getKey(), entry.getValue());
            }
            for (Map.Entry<String, Double> entry : run.gradientCheck().entrySet()) {
                CsvText.print(printer, GRADIENT_CHECK_SECTION, entry.getKey(), Double.toString(entry.getValue()));
            }
            printer.flush();
        });
    }

    /**
     * Reads an experiment folder written by {@code nnx run}.
     *
     * @throws NoSuchFileException when the folder has no {@code summary.csv}
     * @throws CsvFormatException  when a file is malformed, naming it and the line
     */
    public static ReportedExperiment read(Path directory) throws IOException {
        Path summaryFile = directory.resolve(ReportWriter.SUMMARY_FILE);
        if (!Files.isRegularFile(summaryFile)) {
            throw new NoSuchFileException(
                    summaryFile.toString(), null, "no summary.csv: not an experiment folder written by nnx run");
        }
        SummaryCsv.Summary summary = SummaryCsv.read(summaryFile);
        Map<String, String> facts = keyValues(directory.resolve(ReportWriter.EXPERIMENT_FILE));
        String name = facts.getOrDefault(
                "name", directory.toAbsolutePath().normalize().getFileName().toString());
        Path configurationFile = directory.resolve(ReportWriter.CONFIGURATION_FILE);
        String configuration = Files.isRegularFile(configurationFile)
                ? Files.readString(configurationFile, StandardCharsets.UTF_8)
                : "";
        List<String> folders = ReportWriter.folderNames(
                summary.rows().stream().map(SummaryCsv.Row::run).toList());
        List<RunResult> runs = new ArrayList<>();
        for (int i = 0; i < summary.rows().size(); i++) {
            Path runDirectory = directory.resolve(ReportWriter.RUNS_DIRECTORY).resolve(folders.get(i));
            runs.add(readRun(summary.rows().get(i), runDirectory));
        }
        List<RunPlan> plans = runs.stream().map(RunResult::plan).toList();
        String source = facts.getOrDefault("source", "");
        ExperimentPlan plan = new ExperimentPlan(
                name,
                facts.getOrDefault("description", ""),
                source.isEmpty() ? null : Path.of(source),
                plans,
                configuration);
        return new ReportedExperiment(
                new ExperimentResult(
                        plan, runs, Optional.empty(), BaselinesCsv.read(directory.resolve(BaselinesCsv.FILE))),
                facts.getOrDefault("source_sha256", ""));
    }

    /** One run: its row of the summary, with the metrics, facts and settings its folder holds. */
    private static RunResult readRun(SummaryCsv.Row row, Path runDirectory) throws IOException {
        Path metricsFile = runDirectory.resolve(ReportWriter.METRICS_FILE);
        List<MetricsRow> metrics = Files.isRegularFile(metricsFile) ? MetricsCsv.read(metricsFile) : List.of();
        Map<String, Map<String, String>> sections = sections(runDirectory.resolve(ReportWriter.RUN_FILE));
        Map<String, String> runFacts = sections.getOrDefault(RUN_SECTION, Map.of());
        Map<String, String> provenance = sections.getOrDefault(PROVENANCE_SECTION, Map.of());
        Map<String, Double> gradientCheck = new LinkedHashMap<>();
        sections.getOrDefault(GRADIENT_CHECK_SECTION, Map.of())
                .forEach((parameter, error) -> gradientCheck.put(parameter, Numbers.parse(error)));
        Path settingsFile = runDirectory.resolve(ReportWriter.RUN_SETTINGS_FILE);
        String settings =
                Files.isRegularFile(settingsFile) ? Files.readString(settingsFile, StandardCharsets.UTF_8) : "";
        RunPlan plan = new RunPlan(
                row.run(),
                SweptValues.of(row.swept()),
                null,
                runFacts.getOrDefault("configuration", row.run()),
                settings);
        return RunResult.builder(plan, row.status())
                .reason(row.reason())
                .metrics(metrics)
                .accuracies(row.trainAccuracy(), row.testAccuracy())
                .loss(row.loss())
                .seconds(row.seconds())
                .samplesPerSecond(row.samplesPerSecond())
                .provenance(new Provenance(provenance))
                .gradientCheck(gradientCheck)
                .build();
    }

    /** What {@code experiment.csv} of an experiment folder says: name, description, source, its SHA-256. */
    static Map<String, String> facts(Path directory) throws IOException {
        return keyValues(directory.resolve(ReportWriter.EXPERIMENT_FILE));
    }

    /** {@code key,value} rows after a header; empty when the file does not exist. */
    private static Map<String, String> keyValues(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        for (CsvText.Line line : lines(file)) {
            if (line.fields().size() != 2) {
                throw new CsvFormatException(file.toString(), line.number(), "expected key,value");
            }
            values.put(line.fields().get(0), line.fields().get(1));
        }
        return values;
    }

    /** {@code section,key,value} rows after a header, by section in file order; empty when there is no file. */
    private static Map<String, Map<String, String>> sections(Path file) throws IOException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return sections;
        }
        for (CsvText.Line line : lines(file)) {
            if (line.fields().size() != 3) {
                throw new CsvFormatException(file.toString(), line.number(), "expected section,key,value");
            }
            sections.computeIfAbsent(line.fields().get(0), s -> new LinkedHashMap<>())
                    .put(line.fields().get(1), line.fields().get(2));
        }
        return sections;
    }

    private static List<CsvText.Line> lines(Path file) throws IOException {
        try (Reader in = CsvText.open(file)) {
            List<CsvText.Line> lines = CsvText.readLines(in, file.toString());
            return lines.isEmpty() ? lines : lines.subList(1, lines.size());
        }
    }

    /**
     * True for a folder with an experiment's {@code summary.csv}; objectives write one too, with other
     * columns, and are left out when a whole {@code reports/} folder is compared.
     */
    static boolean isExperimentFolder(Path folder) {
        Path summary = folder.resolve(ReportWriter.SUMMARY_FILE);
        if (!Files.isRegularFile(summary)) {
            return false;
        }
        try (var lines = Files.lines(summary, StandardCharsets.UTF_8)) {
            return lines.findFirst()
                    .map(header -> header.contains(String.join(",", SummaryCsv.RESULT_COLUMNS)))
                    .orElse(false);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The experiment folders named by {@code path}: itself when it holds a {@code summary.csv}, else its
     * subfolders that do (a {@code reports/} folder of several experiments), in name order; a folder with
     * no experiments but objectives gives those.
     */
    public static List<Path> experimentFolders(Path path) throws IOException {
        if (Files.isRegularFile(path.resolve(ReportWriter.SUMMARY_FILE))) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such folder");
        }
        try (var children = Files.list(path)) {
            List<Path> folders = children.sorted().toList();
            List<Path> found =
                    folders.stream().filter(ExperimentFiles::isExperimentFolder).toList();
            if (found.isEmpty()) {
                // A folder of objectives only: compared with each other, as experiments are.
                found = folders.stream()
                        .filter(ObjectiveFiles::isObjectiveFolder)
                        .toList();
            }
            if (found.isEmpty()) {
                throw new NoSuchFileException(
                        path.toString(),
                        null,
                        "no summary.csv in it or its subfolders: not an experiment folder written by nnx run");
            }
            return found;
        }
    }
}
