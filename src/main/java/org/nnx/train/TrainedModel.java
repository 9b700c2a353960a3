package org.nnx.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnx.spi.Dataset;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerState;
import org.nnx.spi.Parameter;
import org.nnx.spi.Shape;
import org.nnx.tensor.Tensor;

/**
 * A network's trained values, copied out of it, with what it takes in and gives out: every layer's parameters
 * and state as {@link NamedTensor}s in the network's order, the width of a sample, the classes' names and, for
 * image data, a sample's shape.
 *
 * @param imageShape    {@code [height, width]} or {@code [height, width, channels]}; empty for other data
 * @param preprocessing what reading new samples as the training data were read takes
 *                      ({@link Dataset#preprocessing()}); empty when the values are all it takes
 * @param sampleShape   one sample's shape as the first layer takes it: an image or flat features
 */
public record TrainedModel(
        List<NamedTensor> tensors,
        int features,
        List<String> classNames,
        Optional<int[]> imageShape,
        Map<String, Object> preprocessing,
        Shape sampleShape) {
    public TrainedModel {
        tensors = List.copyOf(tensors);
        classNames = List.copyOf(classNames);
        imageShape = imageShape.map(int[]::clone);
        preprocessing = Map.copyOf(preprocessing);
        if (sampleShape.size() != features) {
            throw new IllegalArgumentException("a sample of " + sampleShape + " is not " + features + " features");
        }
    }

    /** A copy of {@code network}'s values, which training may go on changing. */
    public static TrainedModel of(Network network, Dataset dataset) {
        return of(tensorsOf(network), dataset);
    }

    /** {@code tensors}, with what {@code dataset} tells of its samples. */
    static TrainedModel of(List<NamedTensor> tensors, Dataset dataset) {
        return new TrainedModel(
                tensors,
                dataset.features(),
                dataset.classNames(),
                dataset.imageShape(),
                dataset.preprocessing(),
                dataset.sampleShape());
    }

    /** Copies of every layer's parameters, then its state, in the network's order. */
    public static List<NamedTensor> tensorsOf(Network network) {
        List<NamedTensor> tensors = new ArrayList<>();
        List<Layer> layers = network.layers();
        for (int i = 0; i < layers.size(); i++) {
            for (Parameter parameter : layers.get(i).parameters()) {
                tensors.add(new NamedTensor(
                        NamedTensor.nameOf(i, parameter.name()),
                        parameter.value().copy()));
            }
            if (layers.get(i) instanceof LayerState stateful) {
                for (Map.Entry<String, Tensor> entry : stateful.state().entrySet()) {
                    tensors.add(new NamedTensor(
                            NamedTensor.nameOf(i, entry.getKey()),
                            entry.getValue().copy()));
                }
            }
        }
        return tensors;
    }

    /**
     * Writes these values into {@code network}, a network of the same layers.
     *
     * @throws IllegalArgumentException naming the first tensor that is missing, left over or of another shape
     */
    public void loadInto(Network network) {
        load(tensors, network);
    }

    /** {@link #loadInto} for tensors alone. */
    static void load(List<NamedTensor> tensors, Network network) {
        Map<String, Tensor> byName = new LinkedHashMap<>();
        tensors.forEach(t -> byName.put(t.name(), t.values()));
        List<Layer> layers = network.layers();
        int used = 0;
        for (int i = 0; i < layers.size(); i++) {
            for (Parameter parameter : layers.get(i).parameters()) {
                copy(byName, NamedTensor.nameOf(i, parameter.name()), parameter.value());
                used++;
            }
            if (layers.get(i) instanceof LayerState stateful) {
                Map<String, Tensor> state = stateful.state();
                Map<String, Tensor> saved = new LinkedHashMap<>();
                for (Map.Entry<String, Tensor> entry : state.entrySet()) {
                    String name = NamedTensor.nameOf(i, entry.getKey());
                    Tensor values = require(byName, name, entry.getValue());
                    saved.put(entry.getKey(), values);
                    used++;
                }
                stateful.restoreState(saved);
            }
        }
        if (used != byName.size()) {
            List<String> extra = new ArrayList<>(byName.keySet());
            extra.removeAll(TrainedModel.tensorsOf(network).stream()
                    .map(NamedTensor::name)
                    .toList());
            throw new IllegalArgumentException("tensor '" + extra.get(0) + "' belongs to no layer of the model");
        }
    }

    private static void copy(Map<String, Tensor> byName, String name, Tensor into) {
        into.copyFrom(require(byName, name, into));
    }

    private static Tensor require(Map<String, Tensor> byName, String name, Tensor like) {
        Tensor values = byName.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no tensor '" + name + "'");
        }
        if (values.rows() != like.rows() || values.cols() != like.cols()) {
            throw new IllegalArgumentException(
                    "tensor '" + name + "' is " + values.shape() + " where the model needs " + like.shape());
        }
        return values;
    }
}
