package ${package};

import java.util.List;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.NnxPlugin;

/**
 * The plugin nnx finds through META-INF/services/org.nnx.spi.NnxPlugin: it lists what the jar contributes. A
 * file names its layer {@code softsign}, or, should another source give that name too, qualified by this
 * plugin's name (each character a name cannot hold as {@code _}): {@code nnx plugins} shows both.
 */
public final class ExamplePlugin implements NnxPlugin {

    /** Always exactly this: javac copies the value of SPI_VERSION in, so nnx knows what the jar was built for. */
    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "${artifactId}";
    }

    @Override
    public List<LayerFactory> layers() {
        return List.of(new SoftsignFactory());
    }
}
