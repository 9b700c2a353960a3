package org.nnx.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.nnx.files.AtomicFile;
import org.nnx.train.ExperimentResult;
import org.nnx.train.RunResult;

/**
 * Writes everything {@code nnx run} leaves for one experiment:
 * <pre>
 * &lt;experimentDirectory&gt;/index.html              the report
 * &lt;experimentDirectory&gt;/summary.csv             one row per run
 * &lt;experimentDirectory&gt;/experiment.nnx          the effective configuration (after extends and defaults)
 * &lt;experimentDirectory&gt;/experiment.csv          key,value: name, description, source, its sha256, nnx version
 * &lt;experimentDirectory&gt;/runs/&lt;run&gt;/metrics.csv   one row per iteration
 * &lt;experimentDirectory&gt;/runs/&lt;run&gt;/run.nnx       the run's own configuration
 * &lt;experimentDirectory&gt;/runs/&lt;run&gt;/run.csv       section,key,value: the run's name, configuration, swept
 *                                              values and provenance
 * </pre>
 * where {@code <run>} is {@link #folderName(String)} of the run's name. The extra files let
 * {@code nnx compare} draw the same report from the folder alone (see {@link ExperimentFiles}).
 */
public final class ReportWriter {
    static {
        Headless.ensure();
    }

    /** The report's file name. */
    public static final String INDEX_FILE = "index.html";
    /** The summary's file name. */
    public static final String SUMMARY_FILE = "summary.csv";
    /** The folder holding one folder per run. */
    public static final String RUNS_DIRECTORY = "runs";
    /** A run's metrics file name. */
    public static final String METRICS_FILE = "metrics.csv";
    /** The effective configuration's file name. */
    public static final String CONFIGURATION_FILE = "experiment.nnx";
    /** The experiment's facts: name, description, source and its hash. */
    public static final String EXPERIMENT_FILE = "experiment.csv";
    /** A run's own configuration as {@code .nnx} text. */
    public static final String RUN_SETTINGS_FILE = "run.nnx";
    /** A failed run's stack trace, written with {@code --debug}. */
    public static final String TRACE_FILE = "failure.txt";
    /** A run's facts: name, configuration, swept values, provenance. */
    public static final String RUN_FILE = "run.csv";

    /** Characters some file system refuses in a name (Windows' list; {@code /} everywhere). */
    private static final String UNSAFE = "/\\:*?\"<>|";
    /** Kept well below the 255 bytes most file systems allow, leaving room for a suffix. */
    private static final int MAX_FOLDER_BYTES = 200;

    private static final Set<String> WINDOWS_DEVICE_NAMES = Set.of(
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1",
            "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private ReportWriter() {}

    /**
     * Creates {@code experimentDirectory} if needed and writes the metrics of every run (diverged,
     * stopped and failed ones too, with whatever rows they have), the summary and the report into it,
     * replacing files of an earlier run with the same names. Folders of runs that no longer exist are
     * left alone.
     */
    public static void write(ExperimentResult result, Path experimentDirectory) throws IOException {
        Files.createDirectories(experimentDirectory);
        List<String> folders =
                folderNames(result.runs().stream().map(RunResult::name).toList());
        for (int i = 0; i < result.runs().size(); i++) {
            Path runDirectory = experimentDirectory.resolve(RUNS_DIRECTORY).resolve(folders.get(i));
            Files.createDirectories(runDirectory);
            writeRunFiles(result.runs().get(i), runDirectory);
        }
        SummaryCsv.write(result, experimentDirectory.resolve(SUMMARY_FILE));
        String sha256 = sourceSha256(result.plan().source());
        ExperimentFiles.writeExperiment(result.plan(), sha256, experimentDirectory);
        // Last, so a report on disk means the CSV files beside it are complete.
        AtomicFile.writeString(
                experimentDirectory.resolve(INDEX_FILE), HtmlReport.render(new ReportedExperiment(result, sha256)));
    }

    /** A finished run's files in its folder, which exists: metrics, facts and its own configuration. */
    static void writeRunFiles(RunResult run, Path runDirectory) throws IOException {
        MetricsCsv.write(run.metrics(), runDirectory.resolve(METRICS_FILE));
        ExperimentFiles.writeRun(run, runDirectory.resolve(RUN_FILE));
        if (!run.plan().settings().isEmpty()) {
            AtomicFile.writeString(
                    runDirectory.resolve(RUN_SETTINGS_FILE), run.plan().settings());
        }
    }

    /**
     * The folder of each run: {@link #folderName(String)}, with {@code ~2}, {@code ~3} … added where two
     * runs would share one (only runs with the very same name, or names differing in case on a file
     * system that ignores it).
     */
    public static List<String> folderNames(List<String> runNames) {
        Set<String> used = new HashSet<>();
        List<String> folders = new ArrayList<>();
        for (String name : runNames) {
            String folder = folderName(name);
            for (int n = 2; !used.add(folder.toLowerCase(Locale.ROOT)); n++) {
                folder = folderName(name) + "~" + n;
            }
            folders.add(folder);
        }
        return folders;
    }

    /** The SHA-256 of the file as hex, or empty when there is no file to read. */
    static String sourceSha256(Path source) {
        if (source == null || !Files.isRegularFile(source)) {
            return "";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(source)));
        } catch (IOException e) {
            return "";
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    /** Where {@link #write} puts the metrics of the run named {@code runName}. */
    public static Path metricsFile(Path experimentDirectory, String runName) {
        return experimentDirectory
                .resolve(RUNS_DIRECTORY)
                .resolve(folderName(runName))
                .resolve(METRICS_FILE);
    }

    /**
     * A folder name for a run that is safe on Linux, macOS and Windows and stays readable:
     * {@code learning_rate=0.1,optimizer=adam} is kept as it is. Only what some file system refuses is
     * replaced, by percent-encoding ({@code /} → {@code %2F}) so that different run names never share a
     * folder ({@code %} itself becomes {@code %25} for the same reason): control characters,
     * {@code / \ : * ? " < > |}, a trailing dot or space, and the first letter of Windows device names
     * such as {@code CON}. {@code .} and {@code ..} become {@code %2E} and {@code .%2E}; the empty name
     * becomes {@code _}. Names longer than 200 UTF-8 bytes are cut and end in {@code ~} and a hash of the
     * whole name.
     */
    public static String folderName(String runName) {
        if (runName == null || runName.isEmpty()) {
            return "_";
        }
        StringBuilder folder = new StringBuilder(runName.length() + 8);
        runName.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == '%' || UNSAFE.indexOf(c) >= 0) {
                folder.append(percent(c));
            } else {
                folder.appendCodePoint(c);
            }
        });
        // Windows drops a trailing dot or space, which would merge "a." with "a"; "." and ".." end up here too.
        char last = folder.charAt(folder.length() - 1);
        if (last == '.' || last == ' ') {
            folder.setLength(folder.length() - 1);
            folder.append(percent(last));
        }
        String stem = folder.toString().split("\\.", 2)[0].toUpperCase(Locale.ROOT);
        if (WINDOWS_DEVICE_NAMES.contains(stem)) {
            folder.replace(0, 1, percent(folder.charAt(0)));
        }
        String name = folder.toString();
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_FOLDER_BYTES) {
            name = truncateUtf8(name, MAX_FOLDER_BYTES - 9) + "~" + shortHash(runName);
        }
        return name;
    }

    private static String percent(int asciiChar) {
        return String.format("%%%02X", asciiChar);
    }

    /** The longest prefix within {@code maxBytes} UTF-8 bytes that splits neither a character nor a %XX. */
    private static String truncateUtf8(String text, int maxBytes) {
        int end = 0;
        int bytes = 0;
        while (end < text.length()) {
            int c = text.codePointAt(end);
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(c);
        }
        int percentAt = text.lastIndexOf('%', end - 1);
        if (percentAt >= 0 && percentAt > end - 3) {
            end = percentAt;
        }
        return text.substring(0, end);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
