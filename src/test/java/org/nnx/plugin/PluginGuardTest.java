package org.nnx.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.plugin.FaultyPlugin.RECURSE;
import static org.nnx.plugin.FaultyPlugin.THROW;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Arguments;
import org.nnx.spi.Component;
import org.nnx.spi.Dataset;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.Freezable;
import org.nnx.spi.Initializer;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.Loss;
import org.nnx.spi.LossFactory;
import org.nnx.spi.NnxPlugin;
import org.nnx.spi.Optimizer;
import org.nnx.spi.OptimizerFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Split;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * The guard around a plugin's components: everything their code throws, down to a stack overflow, becomes
 * a one-line {@link PluginException} naming the component and its jar; a checked exception the SPI declares
 * passes; the capabilities the plugin's objects implement survive; what the factories said at start-up is
 * not asked again.
 */
class PluginGuardTest {
    private static final PluginOrigin JAR = new PluginOrigin("faulty", "faulty.jar", "plugins/faulty.jar", "1.0", "00");

    private final FaultyPlugin plugin = new FaultyPlugin();
    private final PluginContributions guarded = loaded(plugin);

    private static PluginContributions loaded(NnxPlugin plugin) {
        try {
            return PluginContributions.fromJar(plugin, JAR);
        } catch (PluginContributions.Rejected e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T only(ComponentKind kind) {
        return (T) guarded.byKind().get(kind).get(0);
    }

    private Layer layer() {
        LayerFactory factory = only(ComponentKind.LAYER);
        return factory.create(
                Arguments.EMPTY, new LayerContext(3, null, null, Precision.FLOAT32, new SplittableRandom(1), call -> {
                    throw new AssertionError("no initializer expected");
                }));
    }

    private Dataset dataset() throws DatasetException {
        DatasetFactory factory = only(ComponentKind.DATASET);
        return factory.load(Arguments.of("rows", 1L), new DatasetContext(Path.of("."), 1));
    }

    private static Tensor rows(int rows) {
        return Tensor.zeros(Precision.FLOAT64, rows, 3);
    }

    /** What the plugin threw, as one line naming the component and the jar. */
    private static void assertNamed(String component, String thrown, Executable call) {
        PluginException e = assertThrows(PluginException.class, call);
        assertEquals(component + " from faulty.jar threw " + thrown, e.getMessage());
    }

    @Test
    void aLayersFailuresNameTheLayerAndTheJar() {
        Layer layer = layer();
        assertNamed("layer 'faulty_layer'", "IllegalStateException: boom at 7", () -> layer.forward(rows(THROW), true));
        assertNamed("layer 'faulty_layer'", "StackOverflowError", () -> layer.backward(rows(RECURSE)));
        LayerFactory factory = only(ComponentKind.LAYER);
        assertNamed(
                "layer 'faulty_layer'",
                "IllegalStateException: boom at 7",
                () -> factory.outputSize(Arguments.EMPTY, THROW));
    }

    @Test
    void aLossesFailuresNameTheLossAndTheJar() {
        Loss loss = this.<LossFactory>only(ComponentKind.LOSS).create(Arguments.EMPTY);
        assertNamed(
                "loss 'faulty_loss'", "IllegalStateException: boom at 7", () -> loss.forward(rows(THROW), rows(THROW)));
        assertNamed("loss 'faulty_loss'", "StackOverflowError", loss::backward);
    }

    @Test
    void anOptimizersFailuresNameTheOptimizerAndTheJar() {
        Optimizer optimizer =
                this.<OptimizerFactory>only(ComponentKind.OPTIMIZER).create(Arguments.EMPTY);
        optimizer.initialize(List.of());
        assertNamed("optimizer 'faulty_optimizer'", "IllegalStateException: boom at 7", () -> optimizer.step(THROW));
        assertNamed("optimizer 'faulty_optimizer'", "StackOverflowError", () -> optimizer.step(RECURSE));
    }

    @Test
    void anInitializersFailuresNameTheInitializerAndTheJar() {
        Initializer initializer =
                this.<InitializerFactory>only(ComponentKind.INITIALIZER).create(Arguments.EMPTY);
        RandomGenerator random = new SplittableRandom(1);
        assertNamed(
                "initializer 'faulty_initializer'",
                "IllegalStateException: boom at 7",
                () -> initializer.initialize(rows(1), THROW, 1, random));
        assertNamed(
                "initializer 'faulty_initializer'",
                "StackOverflowError",
                () -> initializer.initialize(rows(1), RECURSE, 1, random));
    }

    @Test
    void aDatasetsFailuresNameTheDatasetAndTheJarDownToItsSplits() throws DatasetException {
        DatasetFactory factory = only(ComponentKind.DATASET);
        DatasetContext context = new DatasetContext(Path.of("."), 1);
        assertNamed(
                "dataset 'faulty_dataset'",
                "IllegalStateException: boom at 7",
                () -> factory.load(Arguments.of("rows", (long) THROW), context));
        assertNamed(
                "dataset 'faulty_dataset'",
                "StackOverflowError",
                () -> factory.load(Arguments.of("rows", (long) RECURSE), context));
        Dataset dataset = dataset();
        assertNamed("dataset 'faulty_dataset'", "IllegalStateException: boom at 7", dataset::features);
        assertNamed("dataset 'faulty_dataset'", "StackOverflowError", dataset::classNames);
        Split train = dataset.train();
        assertEquals(10, train.size());
        assertNamed("dataset 'faulty_dataset'", "IllegalStateException: boom at 7", () -> train.label(THROW));
        assertNamed(
                "dataset 'faulty_dataset'",
                "StackOverflowError",
                () -> train.features(new int[RECURSE], 0, RECURSE, rows(RECURSE)));
    }

    @Test
    void aDatasetExceptionIsThePluginReportingBadDataAndPassesUnchanged() {
        DatasetFactory factory = only(ComponentKind.DATASET);
        DatasetException e = assertThrows(
                DatasetException.class,
                () -> factory.load(Arguments.of("rows", 0L), new DatasetContext(Path.of("."), 1)));
        assertEquals("faulty.csv:3: not a number", e.getMessage());
    }

    @Test
    void aSplitIsGuardedAndKeepsItsIdentity() throws DatasetException {
        Dataset dataset = dataset();
        assertNotNull(PluginGuard.handler(dataset.train()), "the split is guarded");
        assertSame(dataset.train(), dataset.train());
        assertSame(dataset.test(), dataset.test());
    }

    @Test
    void aGuardedLayerKeepsTheCapabilitiesOfThePluginsLayer() {
        Layer layer = layer();
        Layer other = layer();
        assertNotNull(PluginGuard.handler(layer), "the layer is guarded");
        Freezable freezable = assertInstanceOf(Freezable.class, layer);
        freezable.freeze(true);
        FaultyPlugin.FaultyLayer own =
                (FaultyPlugin.FaultyLayer) PluginGuard.handler(layer).target();
        assertTrue(own.frozen);
        // The plugin's layer is handed its own kind of layer, not the guard around it.
        freezable.copyFrozenState((Freezable) other);
        assertSame(PluginGuard.handler(other).target(), own.copiedFrom);
    }

    @Test
    void aFactoryAnswersWhatItSaidAtStartUpWithoutAskingAgain() {
        LossFactory loss = only(ComponentKind.LOSS);
        DatasetFactory dataset = only(ComponentKind.DATASET);
        assertEquals(
                List.of("faulty_loss", "faulty_loss fails", true),
                List.of(loss.name(), loss.description(), loss.appliesSoftmax()));
        assertEquals(
                List.of("rows"),
                dataset.parameters().stream().map(ParameterSpec::name).toList());
        assertEquals(4, plugin.losses.asked, "name, description, parameters and appliesSoftmax, once at start-up");
        assertEquals(3, plugin.datasets.asked, "name, description and parameters, once each at start-up");
    }

    @Test
    void aGuardImplementsTheInterfaceAskedForWhenThePluginsInterfacesClash() {
        // The fixture's factory is every kind at once, and its create methods differ only in their return types.
        Component loss = only(ComponentKind.LOSS);
        assertInstanceOf(LossFactory.class, loss);
        assertFalse(loss instanceof OptimizerFactory);
        assertInstanceOf(Loss.class, ((LossFactory) loss).create(Arguments.EMPTY));
    }

    @Test
    void guardedObjectsAreEqualOnlyToThemselves() {
        Layer layer = layer();
        assertEquals(layer, layer);
        assertNotEquals(layer, layer());
        assertEquals(System.identityHashCode(layer), layer.hashCode());
    }
}
