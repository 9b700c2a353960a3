package org.nnx.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnx.plugin.LayerConformance;
import org.nnx.plugin.PluginException;
import org.nnx.plugin.PluginLayerFactory;
import org.nnx.plugin.PluginVerifier;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.plugin.SampleArguments;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.Arguments;
import org.nnx.spi.Component;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.LossFactory;
import org.nnx.spi.OptimizerFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Shape;
import org.nnx.spi.ShapeException;

/**
 * {@code nnx plugins --verify}: every layer's backward, built-in and plugin, against central differences; then
 * every loss, optimizer, initializer and dataset by {@link PluginVerifier}.
 */
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
            Optional<Arguments> arguments;
            try {
                arguments = sampleArguments(factory.parameters());
            } catch (PluginException e) {
                // A jar whose plugins cannot be made (its index named the layer).
                failed++;
                out.println("FAILED  layer " + entry.getKey() + ", " + source + ": " + e.getMessage());
                continue;
            }
            if (arguments.isEmpty()) {
                out.println("skipped layer " + entry.getKey() + ", " + source
                        + ": it has a required parameter whose value --verify cannot choose");
                continue;
            }
            LayerFactory unguarded = PluginLayerFactory.unguarded(factory);
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
        int othersFailed = verifyOthers(registry);
        return failed == 0 && othersFailed == 0 ? ExitStatus.OK : ExitStatus.RUN_FAILED;
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

    /** Every loss, optimizer, initializer and dataset, by {@link PluginVerifier}; returns how many failed. */
    private int verifyOthers(ComponentRegistry registry) {
        PluginVerifier verifier = new PluginVerifier();
        int checked = 0;
        int failed = 0;
        for (ComponentKind kind : List.of(
                ComponentKind.LOSS, ComponentKind.OPTIMIZER, ComponentKind.INITIALIZER, ComponentKind.DATASET)) {
            for (Map.Entry<String, Component> entry : registry.all(kind).entrySet()) {
                Component component = entry.getValue();
                String source = registry.source(component);
                Optional<Arguments> arguments;
                try {
                    arguments = sampleArguments(component.parameters());
                } catch (PluginException e) {
                    checked++;
                    failed++;
                    out.println(
                            "FAILED  " + kind.label() + " " + entry.getKey() + ", " + source + ": " + e.getMessage());
                    continue;
                }
                if (arguments.isEmpty()) {
                    out.println("skipped " + kind.label() + " " + entry.getKey() + ", " + source
                            + ": it has a required parameter whose value --verify cannot choose");
                    continue;
                }
                PluginVerifier.Verdict verdict = switch (kind) {
                    case LOSS -> verifier.loss((LossFactory) component, arguments.get());
                    case OPTIMIZER -> verifier.optimizer((OptimizerFactory) component, arguments.get());
                    case INITIALIZER -> verifier.initializer((InitializerFactory) component, arguments.get());
                    case DATASET -> verifier.dataset((DatasetFactory) component, arguments.get(), Path.of(""));
                    case LAYER -> throw new IllegalStateException("layers are checked above");
                };
                String use = entry.getKey() + (arguments.get().isEmpty() ? "" : "(" + arguments.get() + ")");
                String line = kind.label() + " " + use + ", " + source + ": " + verdict.detail();
                switch (verdict.status()) {
                    case OK -> out.println("ok      " + line);
                    case SKIPPED -> out.println("skipped " + line);
                    case FAILED -> out.println("FAILED  " + line);
                }
                if (verdict.status() != PluginVerifier.Verdict.Status.SKIPPED) {
                    checked++;
                }
                if (verdict.failed()) {
                    failed++;
                }
            }
        }
        out.println(checked + " losses, optimizers, initializers and datasets checked: "
                + (failed == 0 ? "all pass" : failed + " failed"));
        return failed;
    }

    /** Arguments to build a component with when no file gives any: see {@link SampleArguments}. */
    static Optional<Arguments> sampleArguments(List<ParameterSpec> parameters) {
        return SampleArguments.of(parameters);
    }
}
