package org.nnx.train;

import java.util.List;
import java.util.Optional;
import org.nnx.spi.ImageFilters;
import org.nnx.spi.Layer;
import org.nnx.tensor.Tensor;

/**
 * The first filter layer of a network ({@link ImageFilters}, such as the first {@code conv2d}) as it started and as
 * it ended, for the report's picture of what the filters learned.
 *
 * @param layer  the layer's index in the network
 * @param before the filters as initialized, one a row ({@code filters × channels·height·width})
 * @param after  the filters after training, in the same layout
 */
public record LearnedFilters(int layer, Tensor before, Tensor after, int channels, int height, int width) {

    /** A copy of the first filter layer's weights as they are now; empty when the network has none. */
    static Optional<Start> start(Network network) {
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof ImageFilters filters) {
                return Optional.of(
                        new Start(i, filters, filters.weights().value().copy()));
            }
        }
        return Optional.empty();
    }

    /** The filters as they started, waiting for the end of training. */
    record Start(int layer, ImageFilters filters, Tensor before) {
        LearnedFilters end() {
            return new LearnedFilters(
                    layer,
                    before,
                    filters.weights().value().copy(),
                    filters.channels(),
                    filters.filterHeight(),
                    filters.filterWidth());
        }
    }

    /** The number of filters. */
    public int count() {
        return before.rows();
    }
}
