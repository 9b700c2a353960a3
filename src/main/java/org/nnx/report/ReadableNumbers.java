package org.nnx.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.nnx.train.RunResult;

/** Numbers as the pages and chart tooltips show them to people, not as the CSV files store them. */
final class ReadableNumbers {
    private ReadableNumbers() {}

    /** {@code 92.35 %}, or a dash when never evaluated. */
    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.2f %%", fraction * 100) : "—";
    }

    /** Four significant digits; NaN/∞ as such for a run that diverged, a dash when nothing was recorded. */
    static String loss(RunResult run) {
        double loss = run.loss();
        if (Double.isNaN(loss)) {
            return run.metrics().isEmpty() ? "—" : "NaN";
        }
        if (Double.isInfinite(loss)) {
            return loss > 0 ? "∞" : "−∞";
        }
        double magnitude = Math.abs(loss);
        if (magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-4)) {
            return String.format(Locale.ROOT, "%.3e", loss);
        }
        return new BigDecimal(loss)
                .round(new MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** {@code 8.4 s}, {@code 2 min 05 s}, {@code 1 h 02 min}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "—";
        }
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long whole = Math.round(seconds);
        if (whole < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", whole / 3600, (whole % 3600) / 60);
    }

    /** {@code 15,234}, or a dash when unknown. */
    static String rate(double samplesPerSecond) {
        return Double.isFinite(samplesPerSecond) && samplesPerSecond > 0
                ? String.format(Locale.ROOT, "%,.0f", samplesPerSecond)
                : "—";
    }

    /** {@code 12,000}: an iteration or a count, with thousands separated. */
    static String grouped(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Four significant digits, in scientific notation when very large or small: {@code 0.2731}, {@code 1.234e-05}. */
    static String significant(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        return magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-3)
                ? String.format(Locale.ROOT, "%.3e", value)
                : String.format(Locale.ROOT, "%.4g", value);
    }
}
