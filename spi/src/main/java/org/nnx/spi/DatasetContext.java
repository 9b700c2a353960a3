package org.nnx.spi;

import java.nio.file.Path;

/**
 * What a dataset factory knows about where it is used.
 *
 * @param baseDirectory the folder of the {@code .nnx} file, against which relative paths are resolved
 * @param seed          the run's seed, for datasets that draw or split at random
 */
public record DatasetContext(Path baseDirectory, long seed) {}
