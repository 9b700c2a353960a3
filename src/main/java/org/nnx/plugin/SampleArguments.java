package org.nnx.plugin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnx.spi.Arguments;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Range;

/** Arguments to build a component with when no file gives any, for checks of every contribution. */
public final class SampleArguments {
    private SampleArguments() {}

    /**
     * Arguments to build a layer with when no file gives any: the defaults, and a small value for each
     * required number; empty when a required value cannot be made up (a string, an initializer).
     */
    public static Optional<Arguments> of(List<ParameterSpec> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParameterSpec parameter : parameters) {
            if (parameter.defaultValue() != null) {
                values.put(parameter.name(), parameter.defaultValue());
                continue;
            }
            if (!parameter.required()) {
                continue;
            }
            Object value = switch (parameter.type()) {
                case INTEGER -> sampleInteger(parameter.range());
                case NUMBER -> sampleNumber(parameter.range());
                case BOOLEAN -> false;
                case CHOICE ->
                    parameter.choices().isEmpty() ? null : parameter.choices().get(0);
                default -> null;
            };
            if (value == null) {
                return Optional.empty();
            }
            values.put(parameter.name(), value);
        }
        return Optional.of(new Arguments(values));
    }

    private static Long sampleInteger(Range range) {
        for (long candidate : new long[] {3, 2, 1, 4, 5, 8, 16}) {
            if (range.contains(candidate)) {
                return candidate;
            }
        }
        long low = (long) Math.ceil(range.min());
        for (long candidate = low; candidate <= low + 2; candidate++) {
            if (range.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Double sampleNumber(Range range) {
        for (double candidate : new double[] {0.5, 0.1, 1, 2}) {
            if (range.contains(candidate)) {
                return candidate;
            }
        }
        double middle = Double.isFinite(range.min()) && Double.isFinite(range.max())
                ? (range.min() + range.max()) / 2
                : Double.isFinite(range.min()) ? range.min() + 1 : range.max() - 1;
        return range.contains(middle) ? middle : null;
    }
}
