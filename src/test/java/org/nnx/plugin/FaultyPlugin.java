package org.nnx.plugin;

import java.util.List;
import java.util.random.RandomGenerator;
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
import org.nnx.spi.Parameter;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/**
 * A plugin with one component of each kind, whose code throws when a batch height, fan-in, index or such is
 * {@link #THROW} and recurses until the stack overflows when it is {@link #RECURSE}; otherwise it works.
 */
final class FaultyPlugin implements NnxPlugin {
    static final int THROW = 7;
    static final int RECURSE = 8;

    final Factory layers = new Factory("faulty_layer");
    final Factory losses = new Factory("faulty_loss");
    final Factory optimizers = new Factory("faulty_optimizer");
    final Factory initializers = new Factory("faulty_initializer");
    final Factory datasets = new Factory("faulty_dataset");

    static void check(long value) {
        if (value == THROW) {
            throw new IllegalStateException("boom at " + value);
        }
        if (value == RECURSE) {
            check(value);
        }
    }

    @Override
    public int spiVersion() {
        return SPI_VERSION;
    }

    @Override
    public String name() {
        return "faulty";
    }

    @Override
    public List<LayerFactory> layers() {
        return List.of(layers);
    }

    @Override
    public List<LossFactory> losses() {
        return List.of(losses);
    }

    @Override
    public List<OptimizerFactory> optimizers() {
        return List.of(optimizers);
    }

    @Override
    public List<InitializerFactory> initializers() {
        return List.of(initializers);
    }

    @Override
    public List<DatasetFactory> datasets() {
        return List.of(datasets);
    }

    /** Every kind of factory in one, counting how often nnx asks for what it says about itself. */
    static final class Factory
            implements Component, LayerFactory, LossFactory, OptimizerFactory, InitializerFactory, DatasetFactory {
        private final String name;
        int asked;

        Factory(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            asked++;
            return name;
        }

        @Override
        public String description() {
            asked++;
            return name + " fails";
        }

        @Override
        public List<ParameterSpec> parameters() {
            asked++;
            return List.of(ParameterSpec.integer("rows", 1, "what to fail on"));
        }

        @Override
        public boolean appliesSoftmax() {
            asked++;
            return true;
        }

        @Override
        public int outputSize(Arguments arguments, int inputSize) {
            check(inputSize);
            return inputSize;
        }

        @Override
        public Layer create(Arguments arguments, LayerContext context) {
            return new FaultyLayer();
        }

        @Override
        public FaultyLoss create(Arguments arguments) {
            return new FaultyLoss();
        }

        @Override
        public Dataset load(Arguments arguments, DatasetContext context) throws DatasetException {
            if (arguments.integer("rows") == 0) {
                throw new DatasetException("faulty.csv:3: not a number");
            }
            check(arguments.integer("rows"));
            return new FaultyDataset();
        }
    }

    /** A loss, an optimizer and an initializer in one: what a factory creates. */
    static final class FaultyLoss implements Loss, Optimizer, Initializer {
        @Override
        public double forward(Tensor output, Tensor targets) {
            check(output.rows());
            return 0;
        }

        @Override
        public Tensor backward() {
            check(RECURSE);
            return null;
        }

        @Override
        public void initialize(List<Parameter> parameters) {
            check(parameters.size());
        }

        @Override
        public void step(double learningRate) {
            check((long) learningRate);
        }

        @Override
        public void initialize(Tensor weights, int fanIn, int fanOut, RandomGenerator random) {
            check(fanIn);
        }
    }

    /** y = x, and freezable, as nnx's own dropout is. */
    public static final class FaultyLayer implements Freezable {
        boolean frozen;
        FaultyLayer copiedFrom;

        @Override
        public Tensor forward(Tensor input, boolean training) {
            check(input.rows());
            return input;
        }

        @Override
        public Tensor backward(Tensor outputGradient) {
            check(outputGradient.rows());
            return outputGradient;
        }

        @Override
        public void freeze(boolean frozen) {
            this.frozen = frozen;
        }

        @Override
        public void copyFrozenState(Freezable source) {
            // As nnx's own layers do: the source must be a layer of this very class.
            if (!(source instanceof FaultyLayer layer)) {
                throw new IllegalArgumentException(
                        "not a FaultyLayer: " + source.getClass().getName());
            }
            copiedFrom = layer;
        }
    }

    /** Ten samples; its one split serves as training and test split. */
    static final class FaultyDataset implements Dataset, Split {
        @Override
        public Split train() {
            return this;
        }

        @Override
        public Split test() {
            return this;
        }

        @Override
        public int features() {
            check(THROW);
            return 1;
        }

        @Override
        public List<String> classNames() {
            check(RECURSE);
            return List.of();
        }

        @Override
        public String description() {
            return "faulty";
        }

        @Override
        public int size() {
            return 10;
        }

        @Override
        public int label(int index) {
            check(index);
            return 0;
        }

        @Override
        public void features(int[] indices, int from, int count, Tensor into) {
            check(count);
        }
    }
}
