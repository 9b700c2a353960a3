package org.nnx.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python peer script run in a child process, its output merged, that prints its figures on a line
 * {@code RESULT samples_per_s=… test_acc=… seconds=…}.
 */
final class PythonPeer {
    private static final Pattern SAMPLES = Pattern.compile("samples_per_s=([0-9.]+)");
    private static final Pattern ACCURACY = Pattern.compile("test_acc=([0-9.]+)");
    private static final Pattern SECONDS = Pattern.compile("seconds=([0-9.]+)");

    private PythonPeer() {}

    /** Why {@code script} cannot run with {@code python} here, or null; {@code scriptOption} chooses another. */
    static String unavailable(Path python, Path script, String scriptOption) {
        if (!Files.isRegularFile(script)) {
            return script + " not found (use " + scriptOption + ")";
        }
        if (!Files.isExecutable(python)) {
            return python + " not found (use --python PATH)";
        }
        return null;
    }

    /**
     * Runs the peer and reads its {@code RESULT} line as one measurement of {@code model} by {@code trainer}.
     *
     * @param failure   the start of the message when the peer fails, {@code the numpy peer failed}; its exit
     *                  status and last {@code tailLines} lines of output follow
     */
    static Measurement measure(ProcessBuilder peer, String model, String trainer, String failure, int tailLines)
            throws IOException, InterruptedException {
        peer.redirectErrorStream(true).environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = peer.start();
        List<String> output = new ArrayList<>();
        String result = null;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("RESULT ")) {
                    result = line;
                }
            }
        }
        int status = process.waitFor();
        if (status != 0 || result == null) {
            int from = Math.max(0, output.size() - tailLines);
            throw new IOException(failure + " (exit status " + status + "): "
                    + String.join(" | ", output.subList(from, output.size())));
        }
        return new Measurement(
                model,
                trainer,
                1,
                number(SAMPLES, result),
                number(ACCURACY, result),
                number(SECONDS, result),
                Double.NaN);
    }

    private static double number(Pattern pattern, String line) throws IOException {
        Matcher matcher = pattern.matcher(line);
        if (!matcher.find()) {
            throw new IOException("no " + pattern.pattern() + " in the peer's line: " + line);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
