package org.nnx.builtins.data;

import java.util.List;
import org.nnx.spi.Arguments;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.ParameterType;
import org.nnx.spi.Range;

/** Parameter specs that several datasets share, written once so they read the same everywhere. */
public final class DatasetParameters {
    private DatasetParameters() {}

    /** {@code limit = N}: optional, no default (all samples). */
    public static ParameterSpec limit() {
        return new ParameterSpec(
                "limit",
                ParameterType.INTEGER,
                null,
                false,
                Range.atLeast(1),
                List.of(),
                "keep only the first N training samples; default all");
    }

    /** A string the user must give, such as a file path. */
    static ParameterSpec requiredString(String name, String doc) {
        return new ParameterSpec(name, ParameterType.STRING, null, true, Range.ANY, List.of(), doc);
    }

    /** The {@code limit} argument, or {@link Integer#MAX_VALUE} for all samples. */
    static int limit(Arguments arguments) {
        return arguments.has("limit")
                ? (int) Math.min(Integer.MAX_VALUE, arguments.integer("limit"))
                : Integer.MAX_VALUE;
    }
}
