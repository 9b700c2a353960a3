package org.nnx.builtins;

import java.util.List;
import org.nnx.builtins.Definitions.InitializerDefinition;
import org.nnx.builtins.Definitions.LayerDefinition;
import org.nnx.builtins.Definitions.LossDefinition;
import org.nnx.builtins.Definitions.OptimizerDefinition;
import org.nnx.builtins.data.CsvDatasetFactory;
import org.nnx.builtins.data.FashionMnistDatasetFactory;
import org.nnx.builtins.data.IdxDatasetFactory;
import org.nnx.builtins.data.SpiralDatasetFactory;
import org.nnx.nn.Dense;
import org.nnx.nn.GaussianInitializer;
import org.nnx.nn.HeInitializer;
import org.nnx.nn.LeakyRelu;
import org.nnx.nn.MeanSquaredError;
import org.nnx.nn.Relu;
import org.nnx.nn.Sgd;
import org.nnx.nn.Sigmoid;
import org.nnx.nn.Softmax;
import org.nnx.nn.SoftmaxCrossEntropy;
import org.nnx.nn.Step;
import org.nnx.nn.Tanh;
import org.nnx.nn.UniformInitializer;
import org.nnx.nn.XavierInitializer;
import org.nnx.nn.ZerosInitializer;
import org.nnx.spi.Arguments;
import org.nnx.spi.ComponentCall;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.LossFactory;
import org.nnx.spi.NnxPlugin;
import org.nnx.spi.OptimizerFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Range;

/** The layers, losses, optimizers, initializers and datasets nnx ships, registered through the SPI. */
public final class BuiltinPlugin implements NnxPlugin {

    @Override
    public String name() {
        return "built-in";
    }

    @Override
    public List<LayerFactory> layers() {
        return List.of(
                new LayerDefinition("dense", "affine y = xW + b",
                        List.of(ParameterSpec.requiredInteger("units", "number of outputs").in(Range.atLeast(1)),
                                ParameterSpec.initializer("init", "initial weights; default he next to relu, else xavier"),
                                ParameterSpec.bool("bias", true, "whether to add a bias b")),
                        (arguments, inputSize) -> (int) arguments.integer("units"),
                        BuiltinPlugin::dense),
                LayerDefinition.activation("sigmoid", "logistic activation 1 / (1 + e^-x)", a -> new Sigmoid()),
                LayerDefinition.activation("relu", "rectified linear activation max(0, x)", a -> new Relu()),
                LayerDefinition.activation("tanh", "hyperbolic tangent activation", a -> new Tanh()),
                LayerDefinition.activation("step", "step activation x > 0 ? 1 : 0; its gradient is 0", a -> new Step()),
                LayerDefinition.activation("leaky_relu", "x > 0 ? x : alpha·x",
                        a -> new LeakyRelu(a.number("alpha")),
                        ParameterSpec.number("alpha", 0.01, "slope for x < 0").in(Range.atLeast(0))),
                LayerDefinition.activation("softmax", "softmax over each sample; fused into a following cross_entropy",
                        a -> new Softmax()));
    }

    /** Dense's default initializer: He when the layer feeds or follows a relu, else Xavier (the book's rule). */
    private static Dense dense(Arguments arguments, LayerContext context) {
        ComponentCall init = arguments.has("init")
                ? arguments.call("init")
                : new ComponentCall("relu".equals(context.nextLayer()) || "relu".equals(context.previousLayer())
                        ? "he" : "xavier", Arguments.EMPTY);
        return new Dense(context.inputSize(), (int) arguments.integer("units"), arguments.bool("bias"),
                context.initializers().apply(init), context.precision(), context.random());
    }

    @Override
    public List<LossFactory> losses() {
        return List.of(
                new LossDefinition("cross_entropy", "softmax + cross-entropy −Σ t·log y, batch mean", true,
                        a -> new SoftmaxCrossEntropy()),
                new LossDefinition("mse", "mean squared error ½·Σ(y − t)², batch mean", false,
                        a -> new MeanSquaredError()));
    }

    @Override
    public List<OptimizerFactory> optimizers() {
        return List.of(new OptimizerDefinition("sgd", "stochastic gradient descent W ← W − η·∂L/∂W", List.of(),
                a -> new Sgd()));
    }

    @Override
    public List<InitializerFactory> initializers() {
        return List.of(
                new InitializerDefinition("gaussian", "N(0, std²)",
                        List.of(ParameterSpec.number("std", 0.01, "standard deviation").in(Range.above(0))),
                        a -> new GaussianInitializer(a.number("std"))),
                new InitializerDefinition("xavier", "N(0, 1/fan_in) (the book's Xavier)", List.of(),
                        a -> new XavierInitializer()),
                new InitializerDefinition("he", "N(0, 2/fan_in)", List.of(), a -> new HeInitializer()),
                new InitializerDefinition("uniform", "U(−a, a)",
                        List.of(ParameterSpec.number("a", 0.05, "half-width").in(Range.above(0))),
                        a -> new UniformInitializer(a.number("a"))),
                new InitializerDefinition("zeros", "all weights 0", List.of(), a -> new ZerosInitializer()));
    }

    @Override
    public List<DatasetFactory> datasets() {
        return List.of(new MnistDatasetFactory(), new FashionMnistDatasetFactory(), new IdxDatasetFactory(),
                new CsvDatasetFactory(), new SpiralDatasetFactory());
    }
}
