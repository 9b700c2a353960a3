package org.nnx.builtins;

import java.util.List;
import java.util.stream.Stream;
import org.nnx.builtins.Definitions.InitializerDefinition;
import org.nnx.builtins.Definitions.LayerDefinition;
import org.nnx.builtins.Definitions.LossDefinition;
import org.nnx.builtins.Definitions.OptimizerDefinition;
import org.nnx.builtins.data.CsvDatasetFactory;
import org.nnx.builtins.data.FashionMnistDatasetFactory;
import org.nnx.builtins.data.IdxDatasetFactory;
import org.nnx.builtins.data.SpiralDatasetFactory;
import org.nnx.nn.AdaGrad;
import org.nnx.nn.Adam;
import org.nnx.nn.BatchNorm;
import org.nnx.nn.Dense;
import org.nnx.nn.Dropout;
import org.nnx.nn.GaussianInitializer;
import org.nnx.nn.HeInitializer;
import org.nnx.nn.LeakyRelu;
import org.nnx.nn.MeanSquaredError;
import org.nnx.nn.Momentum;
import org.nnx.nn.Relu;
import org.nnx.nn.RmsProp;
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
    /** batch_norm's default ε: PyTorch's and Caffe's (Keras uses 1e-3). */
    private static final double BATCH_NORM_EPSILON = 1e-5;

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "built-in";
    }

    @Override
    public List<LayerFactory> layers() {
        List<LayerFactory> flat = List.of(
                new FlatOutput(new LayerDefinition(
                        "dense",
                        "affine y = xW + b",
                        List.of(
                                ParameterSpec.requiredInteger("units", "number of outputs")
                                        .in(Range.closed(1, Integer.MAX_VALUE)),
                                ParameterSpec.initializer(
                                        "init", "initial weights; default he next to relu, else xavier"),
                                ParameterSpec.bool("bias", true, "whether to add a bias b")),
                        (arguments, inputSize) -> (int) arguments.integer("units"),
                        (arguments, inputSize) ->
                                ((long) inputSize + (arguments.bool("bias") ? 1 : 0)) * arguments.integer("units"),
                        BuiltinPlugin::dense)),
                LayerDefinition.activation("sigmoid", "logistic activation 1 / (1 + e^-x)", a -> new Sigmoid()),
                LayerDefinition.activation("relu", "rectified linear activation max(0, x)", a -> new Relu()),
                LayerDefinition.activation("tanh", "hyperbolic tangent activation", a -> new Tanh()),
                LayerDefinition.activation("step", "step activation x > 0 ? 1 : 0; its gradient is 0", a -> new Step()),
                LayerDefinition.activation(
                        "leaky_relu",
                        "x > 0 ? x : alpha·x",
                        a -> new LeakyRelu(a.number("alpha")),
                        ParameterSpec.number("alpha", 0.01, "slope for x < 0").in(Range.atLeast(0))),
                LayerDefinition.activation(
                        "softmax",
                        "softmax over each sample; fused into a following cross_entropy",
                        a -> new Softmax()),
                new LayerDefinition(
                        "dropout",
                        "inverted dropout: zeroes a fraction of entries while training",
                        List.of(ParameterSpec.requiredNumber(
                                        "rate",
                                        "probability of dropping an entry; kept ones are scaled by 1/(1 − rate)")
                                .in(Range.closedOpen(0, 1))),
                        (arguments, width) -> width,
                        (arguments, width) -> 0,
                        (arguments, context) -> new Dropout(arguments.number("rate"), context.random())),
                new BatchNormOnImages(new LayerDefinition(
                        "batch_norm",
                        "batch normalization: batch statistics while training, running ones after",
                        List.of(
                                ParameterSpec.number(
                                                "momentum",
                                                0.9,
                                                "fraction of the running mean and variance kept at each training step")
                                        .in(Range.closedOpen(0, 1)),
                                ParameterSpec.number(
                                                "epsilon",
                                                BATCH_NORM_EPSILON,
                                                "added to the variance before its square root (PyTorch's and Caffe's 1e-5)")
                                        .in(Range.above(0))),
                        (arguments, width) -> width,
                        // γ and β; the running mean and variance are as many again, but not trained.
                        (arguments, width) -> 2L * width,
                        (arguments, context) -> new BatchNorm(
                                context.inputSize(),
                                arguments.number("momentum"),
                                arguments.number("epsilon"),
                                context.precision()))));
        return Stream.concat(flat.stream(), SpatialLayers.all().stream()).toList();
    }

    /** Dense's default initializer: He when the layer feeds or follows a relu, else Xavier (the book's rule). */
    private static Dense dense(Arguments arguments, LayerContext context) {
        ComponentCall init = arguments.has("init")
                ? arguments.call("init")
                : new ComponentCall(
                        "relu".equals(context.nextLayer()) || "relu".equals(context.previousLayer()) ? "he" : "xavier",
                        Arguments.EMPTY);
        return new Dense(
                context.inputSize(),
                (int) arguments.integer("units"),
                arguments.bool("bias"),
                context.initializers().apply(init),
                context.precision(),
                context.random());
    }

    @Override
    public List<LossFactory> losses() {
        return List.of(
                new LossDefinition(
                        "cross_entropy",
                        "softmax + cross-entropy −Σ t·log y, batch mean",
                        true,
                        a -> new SoftmaxCrossEntropy()),
                new LossDefinition(
                        "mse", "mean squared error ½·Σ(y − t)², batch mean", false, a -> new MeanSquaredError()));
    }

    @Override
    public List<OptimizerFactory> optimizers() {
        return List.of(
                new OptimizerDefinition(
                        "sgd", "stochastic gradient descent W ← W − η·∂L/∂W", List.of(), 0, a -> new Sgd()),
                new OptimizerDefinition(
                        "momentum",
                        "momentum: v ← μ·v − η·g, W ← W + v",
                        List.of(momentum()),
                        1,
                        a -> new Momentum(a.number("momentum"))),
                new OptimizerDefinition(
                        "nesterov",
                        "Nesterov momentum: v ← μ·v − η·g, W ← W + μ·v − η·g",
                        List.of(momentum()),
                        1,
                        a -> new Momentum(a.number("momentum"), true)),
                new OptimizerDefinition(
                        "adagrad",
                        "AdaGrad: G ← G + g², W ← W − η·g / (√G + ε)",
                        List.of(epsilon(AdaGrad.DEFAULT_EPSILON)),
                        1,
                        a -> new AdaGrad(a.number("epsilon"))),
                new OptimizerDefinition(
                        "rmsprop",
                        "RMSprop: s ← ρ·s + (1 − ρ)·g², W ← W − η·g / (√s + ε)",
                        List.of(
                                ParameterSpec.number(
                                                "decay",
                                                RmsProp.DEFAULT_DECAY,
                                                "ρ, fraction of the mean square of gradients kept at each step")
                                        .in(Range.closedOpen(0, 1)),
                                epsilon(RmsProp.DEFAULT_EPSILON)),
                        1,
                        a -> new RmsProp(a.number("decay"), a.number("epsilon"))),
                new OptimizerDefinition(
                        "adam",
                        "Adam with bias correction in the step size",
                        List.of(
                                ParameterSpec.number(
                                                "beta1",
                                                Adam.DEFAULT_BETA1,
                                                "β₁, decay of the running mean of gradients")
                                        .in(Range.closedOpen(0, 1)),
                                ParameterSpec.number(
                                                "beta2",
                                                Adam.DEFAULT_BETA2,
                                                "β₂, decay of the running mean of squared gradients")
                                        .in(Range.closedOpen(0, 1)),
                                epsilon(Adam.DEFAULT_EPSILON)),
                        2,
                        a -> new Adam(a.number("beta1"), a.number("beta2"), a.number("epsilon"))));
    }

    private static ParameterSpec momentum() {
        return ParameterSpec.number("momentum", 0.9, "μ, fraction of the velocity kept at each step")
                .in(Range.closedOpen(0, 1));
    }

    /** An optimizer's ε, defaulting to Keras' 1e-7. */
    private static ParameterSpec epsilon(double defaultValue) {
        return ParameterSpec.number(
                        "epsilon",
                        defaultValue,
                        "ε added to the denominator for numerical stability; default 1e-7, Keras' default")
                .in(Range.above(0));
    }

    @Override
    public List<InitializerFactory> initializers() {
        return List.of(
                new InitializerDefinition(
                        "gaussian",
                        "N(0, std²)",
                        List.of(ParameterSpec.number("std", 0.01, "standard deviation")
                                .in(Range.above(0))),
                        a -> new GaussianInitializer(a.number("std")),
                        (a, fanIn, fanOut) -> a.number("std") * a.number("std")),
                new InitializerDefinition(
                        "xavier",
                        "N(0, 1/fan_in) (the book's Xavier)",
                        List.of(),
                        a -> new XavierInitializer(),
                        (a, fanIn, fanOut) -> 1.0 / fanIn),
                new InitializerDefinition(
                        "he", "N(0, 2/fan_in)", List.of(), a -> new HeInitializer(), (a, fanIn, fanOut) -> 2.0 / fanIn),
                new InitializerDefinition(
                        "uniform",
                        "U(−a, a)",
                        List.of(ParameterSpec.number("a", 0.05, "half-width").in(Range.above(0))),
                        a -> new UniformInitializer(a.number("a")),
                        (a, fanIn, fanOut) -> a.number("a") * a.number("a") / 3),
                new InitializerDefinition(
                        "zeros", "all weights 0", List.of(), a -> new ZerosInitializer(), (a, fanIn, fanOut) -> 0));
    }

    @Override
    public List<DatasetFactory> datasets() {
        return List.of(
                new MnistDatasetFactory(),
                new FashionMnistDatasetFactory(),
                new IdxDatasetFactory(),
                new CsvDatasetFactory(),
                new SpiralDatasetFactory());
    }
}
