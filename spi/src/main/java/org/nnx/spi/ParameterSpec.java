package org.nnx.spi;

import java.util.List;
import java.util.Objects;

/**
 * One parameter of a component: its name, type, default, allowed range and a line of documentation.
 *
 * <p>{@code defaultValue} is null for a parameter that is required, or optional with a default that the
 * component decides from its context (say so in {@code doc}); {@code required} tells which.
 * Ranges apply to {@link ParameterType#NUMBER} and {@link ParameterType#INTEGER}.
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        Object defaultValue,
        boolean required,
        Range range,
        List<String> choices,
        String doc) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        range = range == null ? Range.ANY : range;
        choices = choices == null ? List.of() : List.copyOf(choices);
        doc = doc == null ? "" : doc;
    }

    /** A number with a default. */
    public static ParameterSpec number(String name, double defaultValue, String doc) {
        return new ParameterSpec(name, ParameterType.NUMBER, defaultValue, false, Range.ANY, List.of(), doc);
    }

    /** A required number. */
    public static ParameterSpec requiredNumber(String name, String doc) {
        return new ParameterSpec(name, ParameterType.NUMBER, null, true, Range.ANY, List.of(), doc);
    }

    /** A whole number with a default. */
    public static ParameterSpec integer(String name, long defaultValue, String doc) {
        return new ParameterSpec(name, ParameterType.INTEGER, defaultValue, false, Range.ANY, List.of(), doc);
    }

    /** A required whole number. */
    public static ParameterSpec requiredInteger(String name, String doc) {
        return new ParameterSpec(name, ParameterType.INTEGER, null, true, Range.ANY, List.of(), doc);
    }

    public static ParameterSpec bool(String name, boolean defaultValue, String doc) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, defaultValue, false, Range.ANY, List.of(), doc);
    }

    /** A string; a null default makes it optional with no value. */
    public static ParameterSpec string(String name, String defaultValue, String doc) {
        return new ParameterSpec(name, ParameterType.STRING, defaultValue, false, Range.ANY, List.of(), doc);
    }

    public static ParameterSpec choice(String name, String defaultValue, List<String> choices, String doc) {
        return new ParameterSpec(name, ParameterType.CHOICE, defaultValue, false, Range.ANY, choices, doc);
    }

    /** An initializer whose default the component chooses from its context. */
    public static ParameterSpec initializer(String name, String doc) {
        return new ParameterSpec(name, ParameterType.INITIALIZER, null, false, Range.ANY, List.of(), doc);
    }

    /** A size in two dimensions, {@code 3} or {@code [3, 5]}, with a default for both. */
    public static ParameterSpec size(String name, long defaultValue, String doc) {
        return new ParameterSpec(
                name, ParameterType.SIZE, List.of(defaultValue, defaultValue), false, Range.ANY, List.of(), doc);
    }

    /** A size in two dimensions whose default the component decides from its other arguments. */
    public static ParameterSpec optionalSize(String name, String doc) {
        return new ParameterSpec(name, ParameterType.SIZE, null, false, Range.ANY, List.of(), doc);
    }

    /** An optional image shape ({@link ParameterType#IMAGE_SHAPE}) with no default. */
    public static ParameterSpec imageShape(String name, String doc) {
        return new ParameterSpec(name, ParameterType.IMAGE_SHAPE, null, false, Range.atLeast(1), List.of(), doc);
    }

    /** This parameter limited to {@code range}. */
    public ParameterSpec in(Range range) {
        return new ParameterSpec(name, type, defaultValue, required, range, choices, doc);
    }

    /** How the parameter reads in {@code nnx plugins}: {@code momentum: number = 0.9, in [0, 1)}. */
    public String describe() {
        StringBuilder text =
                new StringBuilder(name).append(": ").append(type.name().toLowerCase());
        if (!choices.isEmpty()) {
            text.append(' ').append(String.join(" | ", choices));
        }
        if (defaultValue != null) {
            text.append(" = ").append(Arguments.formatValue(defaultValue));
        } else if (required) {
            text.append(" (required)");
        }
        if (range != Range.ANY) {
            text.append(", ").append(range);
        }
        return text.toString();
    }
}
