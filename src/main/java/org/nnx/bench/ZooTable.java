package org.nnx.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The zoo's table: a row a model with the median samples/s of nnx, PyTorch and numpy over the repeats, nnx's
 * ratio to each, and each one's test accuracy; then the median of the ratios over the zoo. A peer that did not
 * run for a model leaves its cells empty. A peer measured with several thread counts is shown at its best one (the
 * highest median), and a line under the table gives each count's median.
 */
final class ZooTable {
    private ZooTable() {}

    static String table(List<Measurement> measurements) {
        Map<String, List<Measurement>> byModel = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            byModel.computeIfAbsent(measurement.model(), key -> new ArrayList<>())
                    .add(measurement);
        }
        int width = Math.max(
                5, byModel.keySet().stream().mapToInt(String::length).max().orElse(5));
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "%-" + width + "s  %10s  %10s  %10s  %8s  %8s  %6s  %6s  %6s%n",
                "model",
                "nnx",
                "PyTorch",
                "numpy",
                "vs torch",
                "vs numpy",
                "acc",
                "torch",
                "numpy"));
        List<Double> torchRatios = new ArrayList<>();
        List<Double> numpyRatios = new ArrayList<>();
        StringBuilder byThreads = new StringBuilder();
        for (Map.Entry<String, List<Measurement>> entry : byModel.entrySet()) {
            List<Measurement> group = entry.getValue();
            double nnx = median(group, ZooTable::isNnx, false);
            Predicate<Measurement> bestTorch = best(group, "PyTorch", entry.getKey(), byThreads);
            Predicate<Measurement> bestNumpy = best(group, "numpy", entry.getKey(), byThreads);
            double torch = median(group, bestTorch, false);
            double numpy = median(group, bestNumpy, false);
            double torchRatio = nnx / torch;
            double numpyRatio = nnx / numpy;
            if (!Double.isNaN(torchRatio)) {
                torchRatios.add(torchRatio);
            }
            if (!Double.isNaN(numpyRatio)) {
                numpyRatios.add(numpyRatio);
            }
            text.append(String.format(
                    Locale.ROOT,
                    "%-" + width + "s  %10s  %10s  %10s  %8s  %8s  %6s  %6s  %6s%n",
                    entry.getKey(),
                    thousands(nnx),
                    thousands(torch),
                    thousands(numpy),
                    ratio(torchRatio),
                    ratio(numpyRatio),
                    accuracy(median(group, ZooTable::isNnx, true)),
                    accuracy(median(group, bestTorch, true)),
                    accuracy(median(group, bestNumpy, true))));
        }
        text.append(byThreads);
        text.append(String.format(
                Locale.ROOT,
                "median over %d models: %s vs PyTorch, %s vs numpy%n",
                byModel.size(),
                ratio(median(torchRatios)),
                ratio(median(numpyRatios))));
        return text.toString();
    }

    /**
     * Which of {@code peer}'s measurements of a model count: those of its thread count with the highest median.
     * With more than one count, a line of each count's median goes to {@code byThreads}.
     */
    private static Predicate<Measurement> best(
            List<Measurement> group, String peer, String model, StringBuilder byThreads) {
        Map<String, List<Double>> settings = new LinkedHashMap<>();
        for (Measurement measurement : group) {
            if (measurement.trainer().startsWith(peer)) {
                settings.computeIfAbsent(measurement.trainer(), key -> new ArrayList<>())
                        .add(measurement.samplesPerSecond());
            }
        }
        String best = null;
        double bestMedian = Double.NEGATIVE_INFINITY;
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<Double>> setting : settings.entrySet()) {
            double median = median(setting.getValue());
            parts.add(setting.getKey() + " " + thousands(median));
            if (median > bestMedian) {
                bestMedian = median;
                best = setting.getKey();
            }
        }
        if (settings.size() > 1) {
            byThreads.append(
                    String.format(Locale.ROOT, "%s: %s; the table shows %s%n", model, String.join(", ", parts), best));
        }
        String chosen = best;
        return measurement -> measurement.trainer().equals(chosen);
    }

    private static boolean isNnx(Measurement measurement) {
        return !measurement.trainer().startsWith("PyTorch")
                && !measurement.trainer().startsWith("numpy");
    }

    private static double median(List<Measurement> group, Predicate<Measurement> which, boolean accuracy) {
        List<Double> values = new ArrayList<>();
        for (Measurement measurement : group) {
            if (which.test(measurement)) {
                values.add(accuracy ? measurement.testAccuracy() : measurement.samplesPerSecond());
            }
        }
        return median(values);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static String thousands(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.1f k", value / 1000);
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String accuracy(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
    }
}
