package org.nnx.spi;

import java.util.List;

/**
 * A set of named contributions: layers, losses, optimizers, initializers and datasets. nnx finds
 * implementations with {@link java.util.ServiceLoader} through {@code META-INF/services/org.nnx.spi.NnxPlugin};
 * the built-ins are one plugin among others. Each list defaults to empty.
 *
 * <p>nnx asks for each list once, when it makes the jar's plugins, and keeps what it got: the lists and each
 * factory's name, description and parameters must not change afterwards. That is at start-up, or, for a jar
 * whose build wrote a contribution index ({@code META-INF/nnx/contributions.index}), the first time a file
 * uses one of its names. An implementation needs a public no-argument
 * constructor; an exception there or in a list method makes nnx skip the whole jar with a warning.
 *
 * <h2>Versions</h2>
 * Every implementation states the SPI version it was compiled against by implementing
 * {@link #spiVersion()} as {@code return SPI_VERSION;}. {@link #SPI_VERSION} is a compile-time constant,
 * so javac copies its value into the plugin's class file: the plugin keeps reporting the version of the
 * nnx it was built with, whichever nnx later loads it. The SPI grows compatibly: nnx loads a plugin built
 * for any version from {@link #OLDEST_SPI_VERSION} to {@link #SPI_VERSION}, and skips a jar built for
 * another with a warning naming both.
 *
 * <p>A jar may also state the versions it works with in its manifest, {@code Nnx-Spi-Versions: 1..2} (or
 * {@code 2..}, open above, or one version): nnx then refuses it when none of them is one it provides,
 * before running any of its code. Without the attribute a plugin works with its {@link #spiVersion()} and
 * every later one.
 *
 * <p>Version 2 added {@link InitializerFactory#variance}; plugins built for version 1 load unchanged.
 */
public interface NnxPlugin {

    /** The version of this SPI. A plugin returns it from {@link #spiVersion()}. */
    int SPI_VERSION = 2;

    /** The oldest SPI version whose compiled plugins this nnx still loads. */
    int OLDEST_SPI_VERSION = 1;

    /** The jar manifest's attribute stating the SPI versions a jar works with: {@code 1..2}, {@code 2..}. */
    String SPI_VERSIONS_ATTRIBUTE = "Nnx-Spi-Versions";

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
