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
import org.nnx.spi.Parameter;
import org.nnx.tensor.Tensor;

/**
 * A plugin jar's layer factory as nnx registers it. It answers name, description and parameters from what
 * the plugin said at start-up; it gradient-checks each use of the layer (arguments, input width, neighbours)
 * the first time it sees it and refuses to build a layer that failed ({@link LayerConformance}); and the
 * layers it builds turn anything the plugin throws into a {@link PluginException} that names the jar.
 */
public final class PluginLayerFactory implements CheckedLayerFactory {
    private record Use(Arguments arguments, int inputSize, String previousLayer, String nextLayer) {
    }

    private final LayerFactory delegate;
    private final PluginOrigin origin;
    private final String name;
    private final String description;
    private final List<ParameterSpec> parameters;
    private final Map<Use, Optional<String>> verdicts = new ConcurrentHashMap<>();

    PluginLayerFactory(LayerFactory delegate, PluginOrigin origin, String name, String description,
                       List<ParameterSpec> parameters) {
        this.delegate = delegate;
        this.origin = origin;
        this.name = name;
        this.description = description;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public String name() {
        return name;
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
        return origin;
    }

    /** The plugin's own factory, unguarded and unchecked: for {@code nnx plugins --verify}. */
    public LayerFactory delegate() {
        return delegate;
    }

    @Override
    public int outputSize(Arguments arguments, int inputSize) {
        try {
            return delegate.outputSize(arguments, inputSize);
        } catch (RuntimeException | LinkageError e) {
            throw PluginException.wrap(ComponentKind.LAYER, name, origin, e);
        }
    }

    /** Refuses a use that fails its gradient check; otherwise the plugin's layer, guarded. */
    @Override
    public Layer create(Arguments arguments, LayerContext context) {
        conformance(arguments, context.inputSize(), context.previousLayer(), context.nextLayer(), context.initializers())
                .ifPresent(failure -> {
                    throw new PluginException(failure);
                });
        try {
            return new GuardedLayer(delegate.create(arguments, context));
        } catch (RuntimeException | LinkageError e) {
            throw PluginException.wrap(ComponentKind.LAYER, name, origin, e);
        }
    }

    /**
     * Why this use of the layer is refused, {@code layer 'swish' from acme-layers.jar failed its gradient
     * check: largest relative error 0.31 in W (tolerance 1e-4)}; empty when its backward agrees with its
     * forward. Checked once per use and remembered, so analysis and training do not repeat it.
     */
    @Override
    public Optional<String> conformance(Arguments arguments, int inputSize, String previousLayer, String nextLayer,
                                        Function<ComponentCall, Initializer> initializers) {
        return verdicts.computeIfAbsent(new Use(arguments, inputSize, previousLayer, nextLayer), use -> {
            LayerConformance.Outcome outcome = LayerConformance.check(delegate, arguments, inputSize, previousLayer,
                    nextLayer, initializers);
            return outcome.passes() ? Optional.empty()
                    : Optional.of("layer '" + name + "' from " + origin.label() + " failed its gradient check: "
                            + outcome.describe());
        });
    }

    /** The plugin's layer; what it throws names the plugin's jar. */
    private final class GuardedLayer implements Layer {
        private final Layer layer;

        GuardedLayer(Layer layer) {
            this.layer = layer;
        }

        @Override
        public Tensor forward(Tensor input, boolean training) {
            try {
                return layer.forward(input, training);
            } catch (RuntimeException | LinkageError e) {
                throw PluginException.wrap(ComponentKind.LAYER, name, origin, e);
            }
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            try {
                return layer.backward(outputGradient);
            } catch (RuntimeException | LinkageError e) {
                throw PluginException.wrap(ComponentKind.LAYER, name, origin, e);
            }
        }

        @Override
        public List<Parameter> parameters() {
            try {
                return layer.parameters();
            } catch (RuntimeException | LinkageError e) {
                throw PluginException.wrap(ComponentKind.LAYER, name, origin, e);
            }
        }
    }
}
