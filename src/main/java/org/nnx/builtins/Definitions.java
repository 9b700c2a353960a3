package org.nnx.builtins;

import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntBiFunction;
import org.nnx.spi.Arguments;
import org.nnx.spi.Initializer;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.Loss;
import org.nnx.spi.LossFactory;
import org.nnx.spi.Optimizer;
import org.nnx.spi.OptimizerFactory;
import org.nnx.spi.ParameterSpec;

/** Factories of the built-ins written as one line each: a name, a description, a schema and a constructor. */
final class Definitions {
    private Definitions() {}

    /** How many trainable numbers a layer has for its arguments and input width. */
    @FunctionalInterface
    interface ParameterCount {
        long of(Arguments arguments, int inputSize);
    }

    record LayerDefinition(
            String name,
            String description,
            List<ParameterSpec> parameters,
            ToIntBiFunction<Arguments, Integer> output,
            ParameterCount parameterCount,
            BiFunction<Arguments, LayerContext, Layer> maker)
            implements LayerFactory {
        /** An activation: no parameters, output as wide as the input. */
        static LayerDefinition activation(
                String name, String description, Function<Arguments, Layer> maker, ParameterSpec... parameters) {
            return new LayerDefinition(
                    name,
                    description,
                    List.of(parameters),
                    (arguments, width) -> width,
                    (arguments, width) -> 0,
                    (arguments, context) -> maker.apply(arguments));
        }

        @Override
        public int outputSize(Arguments arguments, int inputSize) {
            return output.applyAsInt(arguments, inputSize);
        }

        @Override
        public long parameterCount(Arguments arguments, int inputSize) {
            return parameterCount.of(arguments, inputSize);
        }

        @Override
        public Layer create(Arguments arguments, LayerContext context) {
            return maker.apply(arguments, context);
        }
    }

    record LossDefinition(String name, String description, boolean appliesSoftmax, Function<Arguments, Loss> maker)
            implements LossFactory {
        @Override
        public Loss create(Arguments arguments) {
            return maker.apply(arguments);
        }
    }

    record OptimizerDefinition(
            String name,
            String description,
            List<ParameterSpec> parameters,
            int stateValuesPerParameter,
            Function<Arguments, Optimizer> maker)
            implements OptimizerFactory {
        @Override
        public Optimizer create(Arguments arguments) {
            return maker.apply(arguments);
        }
    }

    record InitializerDefinition(
            String name,
            String description,
            List<ParameterSpec> parameters,
            Function<Arguments, Initializer> maker,
            VarianceRule varianceRule)
            implements InitializerFactory {
        /** The variance of an initializer's values for a layer's fan-in and fan-out. */
        interface VarianceRule {
            double of(Arguments arguments, int fanIn, int fanOut);
        }

        @Override
        public Initializer create(Arguments arguments) {
            return maker.apply(arguments);
        }

        @Override
        public OptionalDouble variance(Arguments arguments, int fanIn, int fanOut) {
            return OptionalDouble.of(varianceRule.of(arguments, fanIn, fanOut));
        }
    }
}
