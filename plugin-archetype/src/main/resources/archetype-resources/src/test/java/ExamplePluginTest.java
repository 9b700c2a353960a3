package ${package};

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.nnx.testkit.PluginTestKit;

class ExamplePluginTest {

    /** Every contribution checked as nnx checks it: gradients, optimizer steps, initializer statistics, data. */
    @Test
    void thePluginPassesNnxsChecks() {
        PluginTestKit.verify(new ExamplePlugin());
    }

    /**
     * Writes the jar's contribution index into target/classes, which the jar then carries: nnx reads the
     * names from it and runs none of the plugin's code until a file uses one of them.
     */
    @Test
    void theJarCarriesItsContributionIndex() throws Exception {
        PluginTestKit.writeIndex(Path.of("target", "classes"), new ExamplePlugin());
    }
}
