package org.nnx.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnx.plugin.LayerConformance;
import org.nnx.plugin.PluginLayerFactory;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.Arguments;
import org.nnx.spi.Component;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Range;
import org.nnx.spi.Shape;
import org.nnx.spi.ShapeException;

/** {@code nnx plugins --verify}: every layer's backward, built-in and plugin, against central differences. */
final class LayerVerification {
    /** The input width layers are verified at: small, so that a check takes milliseconds. */
    static final int VERIFY_INPUT_WIDTH = 4;
    /** The input of a layer that needs images: two channels of 6×6, room for the default windows. */
    static final Shape VERIFY_IMAGE = Shape.image(2, 6, 6);

    private final PrintStream out;

    LayerVerification(PrintStream out) {
        this.out = out;
    }

    /** Gradient-checks every layer, built-in and plugin; 1 when any fails. */
    int verify(LoadedPlugins plugins) {
        ComponentRegistry registry = plugins.registry();
        int checked = 0;
        int failed = 0;
        for (Map.Entry<String, Component> entry :
                registry.all(ComponentKind.LAYER).entrySet()) {
            LayerFactory factory = (LayerFactory) entry.getValue();
            String source = registry.source(factory);
            Optional<Arguments> arguments = sampleArguments(factory.parameters());
            if (arguments.isEmpty()) {
                out.println("skipped layer " + entry.getKey() + ", " + source
                        + ": it has a required parameter whose value --verify cannot choose");
                continue;
            }
            LayerFactory unguarded = factory instanceof PluginLayerFactory plugin ? plugin.delegate() : factory;
            LayerConformance.Outcome outcome = LayerConformance.check(
                    unguarded,
                    arguments.get(),
                    inputShape(unguarded, arguments.get()),
                    null,
                    null,
                    call -> registry.initializer(call.name()).create(call.arguments()));
            checked++;
            String use = entry.getKey() + (arguments.get().isEmpty() ? "" : "(" + arguments.get() + ")");
            if (outcome.passes()) {
                out.println("ok      layer " + use + ", " + source + ": largest relative error "
                        + LayerConformance.Outcome.format(outcome.maxError()));
            } else {
                failed++;
                out.println("FAILED  layer " + use + ", " + source + ": " + outcome.describe());
            }
        }
        out.println(checked + (checked == 1 ? " layer" : " layers") + " checked against central differences: "
                + (failed == 0 ? "all agree" : failed + " failed") + " (tolerance 1e-4)");
        return failed == 0 ? ExitStatus.OK : ExitStatus.RUN_FAILED;
    }

    /**
     * Flat features of {@link #VERIFY_INPUT_WIDTH}, or an image of {@link #VERIFY_IMAGE} for a layer that
     * needs images.
     */
    private static Shape inputShape(LayerFactory factory, Arguments arguments) {
        Shape flat = Shape.flat(VERIFY_INPUT_WIDTH);
        try {
            factory.outputShape(arguments, flat);
            return flat;
        } catch (ShapeException e) {
            return VERIFY_IMAGE;
        } catch (RuntimeException e) {
            // The check itself builds the layer and names what it throws.
            return flat;
        }
    }

    /**
     * Arguments to build a layer with when no file gives any: the defaults, and a small value for each
     * required number; empty when a required value cannot be made up (a string, an initializer).
     */
    static Optional<Arguments> sampleArguments(List<ParameterSpec> parameters) {
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
