package com.acme.nnx;

import java.util.List;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.NnxPlugin;
import org.nnx.spi.OptimizerFactory;

/**
 * The plugin nnx finds through META-INF/services/org.nnx.spi.NnxPlugin: it lists what the jar contributes.
 * nnx asks for each list once, at start-up.
 */
public final class AcmePlugin implements NnxPlugin {

    /** Always exactly this: javac copies the value of SPI_VERSION in, so nnx knows what we were built for. */
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "acme-example";
    }

    @Override
    public List<LayerFactory> layers() {
        return List.of(new SwishFactory());
    }

    @Override
    public List<OptimizerFactory> optimizers() {
        return List.of(new LionFactory());
    }

    @Override
    public List<DatasetFactory> datasets() {
        return List.of(new XorDatasetFactory());
    }
}
