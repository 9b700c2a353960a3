package org.nnx.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One timed training of a reference model by one trainer (an nnx backend, or a peer).
 *
 * @param model            {@code small} or {@code big}
 * @param trainer          the backend that ran, as provenance names it, or the peer, e.g. {@code numpy f32}
 * @param runs             how many runs trained side by side (1 unless {@code --side-by-side})
 * @param samplesPerSecond samples over training time only, summed over runs side by side
 * @param testAccuracy     of the (first) run at its end
 * @param seconds          wall time of the training, evaluation excluded where the trainer says so
 * @param peakHeapMegabytes the largest Java heap in use during the training, or NaN for a peer
 */
public record Measurement(
        String model,
        String trainer,
        int runs,
        double samplesPerSecond,
        double testAccuracy,
        double seconds,
        double peakHeapMegabytes) {

    private static final String PREFIX = "RESULT";

    /** One line that a parent {@code nnx bench} reads back from a child process: tab-separated key=value. */
    public String toLine() {
        return String.join(
                "\t",
                PREFIX,
                "model=" + model,
                "runs=" + runs,
                String.format(Locale.ROOT, "samples_per_s=%.1f", samplesPerSecond),
                String.format(Locale.ROOT, "test_acc=%.4f", testAccuracy),
                String.format(Locale.ROOT, "seconds=%.3f", seconds),
                String.format(Locale.ROOT, "peak_heap_mb=%.1f", peakHeapMegabytes),
                "trainer=" + trainer);
    }

    /** Reads a line written by {@link #toLine()}; null for any other line. */
    public static Measurement parse(String line) {
        if (!line.startsWith(PREFIX + "\t")) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : line.split("\t")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                fields.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        return new Measurement(
                fields.get("model"),
                fields.get("trainer"),
                Integer.parseInt(fields.get("runs")),
                Double.parseDouble(fields.get("samples_per_s")),
                Double.parseDouble(fields.get("test_acc")),
                Double.parseDouble(fields.get("seconds")),
                Double.parseDouble(fields.get("peak_heap_mb")));
    }
}
