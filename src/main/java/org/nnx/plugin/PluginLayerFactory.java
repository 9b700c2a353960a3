package org.nnx.plugin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.nnx.registry.CheckedLayerFactory;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.Initializer;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Shape;

/**
 * A plugin jar's layer factory as nnx registers it. It answers name, description and parameters from what
 * the plugin said at start-up; it gradient-checks each use of the layer (arguments, input width, neighbours)
 * the first time it sees it and refuses to build a layer that failed ({@link LayerConformance}); and the
 * layers it builds are guarded ({@link PluginGuard}): anything the plugin throws names the jar.
 */
public final class PluginLayerFactory implements CheckedLayerFactory {
    private record Use(Arguments arguments, Shape inputShape, String previousLayer, String nextLayer) {}

    private final LayerFactory delegate;
    private final LayerFactory guarded;
    private final PluginGuard guard;
    private final String description;
    private final List<ParameterSpec> parameters;
    private final Map<Use, Optional<String>> verdicts = new ConcurrentHashMap<>();

    PluginLayerFactory(
            LayerFactory delegate,
            PluginOrigin origin,
            String name,
            String description,
            List<ParameterSpec> parameters) {
        this.delegate = delegate;
        this.guard = new PluginGuard(ComponentKind.LAYER, name, origin);
        this.guarded = guard.guard(LayerFactory.class, delegate);
        this.description = description;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public String name() {
        return guard.name();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return parameters;
    }

    public PluginOrigin origin() {
        return guard.origin();
    }

    /** The plugin's own factory, unguarded and unchecked: for {@code nnx plugins --verify}. */
    public LayerFactory delegate() {
        return delegate;
    }

    /**
     * The plugin's own factory behind {@code factory}, unguarded, making its jar's plugins first if it is an
     * indexed jar's stand-in; a built-in factory as it is.
     */
    public static LayerFactory unguarded(LayerFactory factory) {
        LayerFactory made = (LayerFactory) LazyJar.made(factory);
        return made instanceof PluginLayerFactory plugin ? plugin.delegate() : made;
    }

    @Override
    public int outputSize(Arguments arguments, int inputSize) {
        return guarded.outputSize(arguments, inputSize);
    }

    @Override
    public long parameterCount(Arguments arguments, int inputSize) {
        return guarded.parameterCount(arguments, inputSize);
    }

    @Override
    public Shape outputShape(Arguments arguments, Shape input) {
        return guarded.outputShape(arguments, input);
    }

    @Override
    public long parameterCount(Arguments arguments, Shape input) {
        return guarded.parameterCount(arguments, input);
    }

    /** Refuses a use that fails its gradient check; otherwise the plugin's layer, guarded. */
    @Override
    public Layer create(Arguments arguments, LayerContext context) {
        conformance(
                        arguments,
                        context.inputShape(),
                        context.previousLayer(),
                        context.nextLayer(),
                        context.initializers())
                .ifPresent(failure -> {
                    throw new PluginException(failure);
                });
        return guarded.create(arguments, context);
    }

    /**
     * Why this use of the layer is refused, {@code layer 'swish' from acme-layers.jar failed its gradient
     * check: largest relative error 0.31 in W (tolerance 1e-4)}; empty when its backward agrees with its
     * forward. Checked once per use and remembered, so analysis and training do not repeat it.
     */
    @Override
    public Optional<String> conformance(
            Arguments arguments,
            Shape inputShape,
            String previousLayer,
            String nextLayer,
            Function<ComponentCall, Initializer> initializers) {
        return verdicts.computeIfAbsent(new Use(arguments, inputShape, previousLayer, nextLayer), use -> {
            LayerConformance.Outcome outcome =
                    LayerConformance.check(delegate, arguments, inputShape, previousLayer, nextLayer, initializers);
            return outcome.passes()
                    ? Optional.empty()
                    : Optional.of("layer '" + guard.name() + "' from "
                            + guard.origin().label() + " failed its gradient check: " + outcome.describe());
        });
    }
}
