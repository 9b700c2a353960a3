package org.nnx.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** How {@code nnx bench} shows its measurements: one line each as it comes, and tables of medians at the end. */
final class ResultTable {
    private ResultTable() {}

    /** One measurement as it comes, with the repeat it belongs to. */
    static String line(int repeat, Measurement measurement) {
        return String.format(
                Locale.ROOT,
                "  #%d %-5s %-40s %s samples/s, test accuracy %.4f (%.1f s%s)",
                repeat,
                measurement.model(),
                trainerLabel(measurement),
                thousands(measurement.samplesPerSecond()),
                measurement.testAccuracy(),
                measurement.seconds(),
                Double.isNaN(measurement.peakHeapMegabytes())
                        ? ""
                        : String.format(Locale.ROOT, ", peak heap %.0f MB", measurement.peakHeapMegabytes()));
    }

    /** Medians and ranges by model and trainer, in the order first measured, with the ratio to numpy. */
    static String table(List<Measurement> measurements) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            groups.computeIfAbsent(measurement.model() + "\t" + trainerLabel(measurement), key -> new ArrayList<>())
                    .add(measurement);
        }
        Map<String, Double> numpy = new LinkedHashMap<>();
        for (List<Measurement> group : groups.values()) {
            Measurement first = group.get(0);
            if (isNumpy(first) && !numpy.containsKey(first.model())) {
                numpy.put(first.model(), median(group, Measurement::samplesPerSecond));
            }
        }
        int width = Math.max(
                7,
                groups.values().stream()
                        .mapToInt(g -> trainerLabel(g.get(0)).length())
                        .max()
                        .orElse(7));
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%-5s  %-" + width + "s  %3s  %10s  %-17s  %8s  %8s  %9s%n",
                "model",
                "trainer",
                "n",
                "samples/s",
                "(min–max)",
                "test acc",
                "vs numpy",
                "peak heap"));
        for (List<Measurement> group : groups.values()) {
            text.append(row(group, numpy.get(group.get(0).model()), width));
        }
        return text.toString();
    }

    private static String row(List<Measurement> group, Double numpy, int width) {
        Measurement first = group.get(0);
        double samples = median(group, Measurement::samplesPerSecond);
        double low =
                group.stream().mapToDouble(Measurement::samplesPerSecond).min().orElse(Double.NaN);
        double high =
                group.stream().mapToDouble(Measurement::samplesPerSecond).max().orElse(Double.NaN);
        double heap =
                group.stream().mapToDouble(Measurement::peakHeapMegabytes).max().orElse(Double.NaN);
        return String.format(
                Locale.ROOT,
                "%-5s  %-" + width + "s  %3d  %10s  %-17s  %8.4f  %8s  %9s%n",
                first.model(),
                trainerLabel(first),
                group.size(),
                thousands(samples),
                "(" + thousands(low) + "–" + thousands(high) + ")",
                median(group, Measurement::testAccuracy),
                numpy == null ? "" : String.format(Locale.ROOT, "%.2f×", samples / numpy),
                Double.isNaN(heap) ? "" : String.format(Locale.ROOT, "%.0f MB", heap));
    }

    /**
     * Each nnx trainer against the numpy run of the same repeat, which ran minutes apart at most: on a machine
     * whose speed drifts (a shared host), these ratios vary less than the ratio of the medians.
     */
    static String pairedRatios(List<Measurement> measurements, List<Integer> repeats) {
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (int i = 0; i < measurements.size(); i++) {
            Measurement nnx = measurements.get(i);
            if (isNumpy(nnx)) {
                continue;
            }
            for (int j = 0; j < measurements.size(); j++) {
                Measurement numpy = measurements.get(j);
                if (repeats.get(j).equals(repeats.get(i))
                        && isNumpy(numpy)
                        && numpy.model().equals(nnx.model())) {
                    ratios.computeIfAbsent(nnx.model() + "  " + trainerLabel(nnx), key -> new ArrayList<>())
                            .add(nnx.samplesPerSecond() / numpy.samplesPerSecond());
                    break;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        if (!ratios.isEmpty()) {
            text.append("\nvs the numpy run of the same repeat:\n");
        }
        for (Map.Entry<String, List<Double>> entry : ratios.entrySet()) {
            List<Double> values = entry.getValue();
            text.append(String.format(
                    Locale.ROOT, "%s  median %.2f×  (", entry.getKey(), median(values, Double::doubleValue)));
            for (int k = 0; k < values.size(); k++) {
                text.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f×", values.get(k)));
            }
            text.append(")\n");
        }
        return text.toString();
    }

    private static boolean isNumpy(Measurement measurement) {
        return measurement.trainer().startsWith("numpy");
    }

    private static String trainerLabel(Measurement measurement) {
        return measurement.runs() > 1 ? measurement.trainer() + " ×" + measurement.runs() : measurement.trainer();
    }

    private static <T> double median(List<T> group, ToDoubleFunction<T> value) {
        double[] values = group.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** {@code 412.3 k}: samples/s to a tenth of a thousand. */
    private static String thousands(double value) {
        return String.format(Locale.ROOT, "%.1f k", value / 1000);
    }
}
