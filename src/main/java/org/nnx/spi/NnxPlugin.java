package org.nnx.spi;

import java.util.List;

/**
 * A set of named contributions: layers, losses, optimizers, initializers and datasets. nnx finds
 * implementations with {@link java.util.ServiceLoader} through {@code META-INF/services/org.nnx.spi.NnxPlugin};
 * the built-ins are one plugin among others. Each list defaults to empty.
 *
 * <p>nnx asks for each list once, at start-up, and keeps what it got: the lists and each factory's name,
 * description and parameters must not change afterwards. An implementation needs a public no-argument
 * constructor; an exception there or in a list method makes nnx skip the whole jar with a warning.
 *
 * <h2>Versions</h2>
 * Every implementation states the SPI version it was compiled against by implementing
 * {@link #spiVersion()} as {@code return SPI_VERSION;}. {@link #SPI_VERSION} is a compile-time constant,
 * so javac copies its value into the plugin's class file: the plugin keeps reporting the version of the
 * nnx it was built with, whichever nnx later loads it. nnx loads a plugin only when the two versions are
 * equal, and otherwise skips its jar with a warning naming both versions. The version changes whenever
 * this package changes in a way that breaks compiled plugins.
 */
public interface NnxPlugin {

    /** The version of this SPI. A plugin returns it from {@link #spiVersion()}. */
    int SPI_VERSION = 1;

    /**
     * The SPI version this plugin was compiled against. Write exactly {@code return SPI_VERSION;}: the
     * constant is inlined when the plugin is compiled, which is what makes the check meaningful.
     */
    int spiVersion();

    /** A short name for messages and provenance. */
    String name();

    default List<LayerFactory> layers() {
        return List.of();
    }

    default List<LossFactory> losses() {
        return List.of();
    }

    default List<OptimizerFactory> optimizers() {
        return List.of();
    }

    default List<InitializerFactory> initializers() {
        return List.of();
    }

    default List<DatasetFactory> datasets() {
        return List.of();
    }
}
