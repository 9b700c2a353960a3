package org.nnx.nn;

import java.util.List;
import java.util.random.RandomGenerator;
import org.nnx.spi.Initializer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/**
 * The parameters of a layer with a weight matrix {@code W}, which the initializer fills and which decays, and an
 * optional bias row {@code b}, which starts at zero and does not decay.
 *
 * @param bias       null without one
 * @param parameters W, then b when there is one
 */
record WeightsAndBias(Parameter weights, Parameter bias, List<Parameter> parameters) {

    /**
     * @param rows     W's rows
     * @param cols     W's columns
     * @param biasSize b's length, or 0 for a layer without a bias
     */
    static WeightsAndBias create(
            Precision precision,
            int rows,
            int cols,
            int biasSize,
            Initializer init,
            int fanIn,
            int fanOut,
            RandomGenerator random) {
        Tensor w = Tensor.zeros(precision, rows, cols);
        init.initialize(w, fanIn, fanOut, random);
        Parameter weights = Parameter.of("W", w, true);
        if (biasSize == 0) {
            return new WeightsAndBias(weights, null, List.of(weights));
        }
        Parameter bias = Parameter.of("b", Tensor.zeros(precision, 1, biasSize), false);
        return new WeightsAndBias(weights, bias, List.of(weights, bias));
    }
}
