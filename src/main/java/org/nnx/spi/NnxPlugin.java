package org.nnx.spi;

import java.util.List;

/**
 * A set of named contributions. nnx finds implementations with {@link java.util.ServiceLoader}; the
 * built-ins are one plugin among others. Each list defaults to empty.
 */
public interface NnxPlugin {

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
