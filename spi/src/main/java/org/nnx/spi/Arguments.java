package org.nnx.spi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * The checked arguments of one use of a component, by parameter name, defaults filled in. Values are
 * {@code Double}, {@code Long}, {@code Boolean}, {@code String} or {@link ComponentCall}, as the
 * parameter's {@link ParameterType} says. Immutable.
 */
public final class Arguments {
    public static final Arguments EMPTY = new Arguments(Map.of());

    private final Map<String, Object> values;

    public Arguments(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Arguments of(Object... nameValuePairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            values.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return new Arguments(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public double number(String name) {
        return ((Number) require(name)).doubleValue();
    }

    public long integer(String name) {
        return ((Number) require(name)).longValue();
    }

    public boolean bool(String name) {
        return (Boolean) require(name);
    }

    public String string(String name) {
        return (String) require(name);
    }

    /** A {@link ParameterType#SIZE}: {@code [height, width]}. */
    public int[] size(String name) {
        List<?> pair = (List<?>) require(name);
        return new int[] {((Number) pair.get(0)).intValue(), ((Number) pair.get(1)).intValue()};
    }

    public ComponentCall call(String name) {
        return (ComponentCall) require(name);
    }

    private Object require(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new NoSuchElementException("no argument '" + name + "'");
        }
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Arguments that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** As written in a file: {@code momentum = 0.9, nesterov = true}. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + " = " + formatValue(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** A value as it would be written in an {@code .nnx} file: {@code 0.9}, {@code 100}, {@code 1e-5}. */
    public static String formatValue(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Double number) {
            return formatNumber(number);
        }
        if (value instanceof List<?> list) {
            if (list.size() == 2 && list.get(0).equals(list.get(1))) {
                return formatValue(list.get(0));
            }
            return list.stream().map(Arguments::formatValue).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    /** The shorter of the plain and the scientific form of a number, as a person writes it. */
    public static String formatNumber(double number) {
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return Long.toString((long) number);
        }
        if (!Double.isFinite(number)) {
            return Double.toString(number);
        }
        String plain =
                new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
        String scientific = Double.toString(number).replace(".0E", "E").replace("E", "e");
        return plain.length() <= scientific.length() ? plain : scientific;
    }
}
