package org.nnx.saved;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnx.files.AtomicFile;
import org.nnx.spi.Shape;
import org.nnx.train.TrainedModel;
import org.nnx.train.Version;

/**
 * A saved model's file, {@code model.safetensors}: the network's tensors ({@link Safetensors}) named
 * {@code layers.<i>.<name>}, and in the metadata, all strings, what nnx needs to use it again. Versioned by
 * {@link #FORMAT_VERSION}: a file of another version is refused, never misread. {@code docs/saved-models.md}
 * describes every key.
 */
public final class ModelFile {
    /** The file's name in a run's folder. */
    public static final String NAME = "model.safetensors";
    /** The file of a run's best evaluation with {@code keep best}, next to {@link #NAME}. */
    public static final String BEST_NAME = "best.safetensors";

    /** What the {@code format} key holds in every file nnx writes. */
    static final String FORMAT = "nnx-model";
    /** The version of the layout of tensors and metadata; a change that old readers would misread bumps it. */
    static final String FORMAT_VERSION = "1";

    static final String FORMAT_KEY = "format";
    static final String VERSION_KEY = "format_version";
    static final String NNX_VERSION = "nnx_version";
    static final String LAYERS = "layers";
    static final String DATASET = "dataset";
    static final String LOSS = "loss";
    static final String DEFINITION = "definition";
    static final String FEATURES = "features";
    static final String CLASSES = "classes";
    static final String IMAGE_SHAPE = "image_shape";
    static final String PREPROCESSING = "preprocessing";
    static final String SAMPLE_SHAPE = "sample_shape";
    public static final String SEED = "seed";
    public static final String SOURCE = "source";

    private ModelFile() {}

    /** Writes {@code model} to {@code file} whole or not at all. */
    public static void write(Path file, SavedModel model) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT_KEY, FORMAT);
        metadata.put(VERSION_KEY, FORMAT_VERSION);
        metadata.put(NNX_VERSION, Version.current());
        metadata.putAll(new java.util.TreeMap<>(model.facts()));
        metadata.put(LAYERS, ComponentCalls.write(model.layers()));
        metadata.put(DATASET, ComponentCalls.write(model.dataset()));
        metadata.put(LOSS, ComponentCalls.write(model.loss()));
        metadata.put(FEATURES, Integer.toString(model.model().features()));
        metadata.put(CLASSES, Json.write(model.model().classNames()));
        List<Long> shape = new ArrayList<>();
        model.model().imageShape().ifPresent(dims -> {
            for (int dim : dims) {
                shape.add((long) dim);
            }
        });
        metadata.put(IMAGE_SHAPE, Json.write(shape));
        Shape sample = model.model().sampleShape();
        metadata.put(
                SAMPLE_SHAPE,
                Json.write(
                        sample.image()
                                ? List.of((long) sample.channels(), (long) sample.height(), (long) sample.width())
                                : List.of((long) sample.size())));
        if (!model.model().preprocessing().isEmpty()) {
            metadata.put(
                    PREPROCESSING,
                    Json.write(new java.util.TreeMap<>(model.model().preprocessing())));
        }
        metadata.put(DEFINITION, model.definition());
        AtomicFile.write(
                file, out -> Safetensors.write(out, metadata, model.model().tensors()));
    }

    /**
     * The model in {@code file}.
     *
     * @throws SavedModelException in one line naming the file: missing, unreadable, cut short, not a model nnx
     *                             wrote, or of another format version
     */
    public static SavedModel read(Path file) throws SavedModelException {
        byte[] bytes = Safetensors.bytes(file);
        try {
            return of(Safetensors.read(bytes), file);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new SavedModelException(file + ": not a model nnx can use: " + e.getMessage());
        }
    }

    private static SavedModel of(Safetensors.Content content, Path file) throws SavedModelException {
        Map<String, String> metadata = content.metadata();
        if (!FORMAT.equals(metadata.get(FORMAT_KEY))) {
            throw new SavedModelException(file + ": a safetensors file, but not a model nnx saved (no format " + FORMAT
                    + " in its metadata)");
        }
        String version = metadata.get(VERSION_KEY);
        if (!FORMAT_VERSION.equals(version)) {
            throw new SavedModelException(file + ": a model of format version " + version + " (saved by nnx "
                    + metadata.getOrDefault(NNX_VERSION, "?") + "); this nnx " + Version.current()
                    + " reads version " + FORMAT_VERSION);
        }
        List<String> classes = new ArrayList<>();
        for (Object name : list(metadata, CLASSES)) {
            classes.add(String.valueOf(name));
        }
        List<Object> shapeList = list(metadata, IMAGE_SHAPE);
        Optional<int[]> shape = shapeList.isEmpty()
                ? Optional.empty()
                : Optional.of(shapeList.stream()
                        .mapToInt(d -> ((Number) d).intValue())
                        .toArray());
        int features = Integer.parseInt(require(metadata, FEATURES));
        Map<String, Object> preprocessing = new LinkedHashMap<>();
        if (metadata.containsKey(PREPROCESSING)) {
            if (!(Json.parse(metadata.get(PREPROCESSING)) instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("its metadata '" + PREPROCESSING + "' is not an object");
            }
            map.forEach((key, value) -> preprocessing.put(String.valueOf(key), value));
        }
        TrainedModel model = new TrainedModel(
                content.tensors(), features, classes, shape, preprocessing, sampleShape(metadata, features));
        Map<String, String> facts = new LinkedHashMap<>(metadata);
        List.of(
                        FORMAT_KEY,
                        VERSION_KEY,
                        LAYERS,
                        DATASET,
                        LOSS,
                        FEATURES,
                        CLASSES,
                        IMAGE_SHAPE,
                        PREPROCESSING,
                        DEFINITION)
                .forEach(facts::remove);
        return new SavedModel(
                model,
                ComponentCalls.readList(require(metadata, LAYERS)),
                ComponentCalls.read(require(metadata, DATASET)),
                ComponentCalls.read(require(metadata, LOSS)),
                metadata.getOrDefault(DEFINITION, ""),
                facts);
    }

    /** {@code [channels, height, width]} or {@code [features]}; flat features in a file that does not say. */
    private static Shape sampleShape(Map<String, String> metadata, int features) {
        if (!metadata.containsKey(SAMPLE_SHAPE)) {
            return Shape.flat(features);
        }
        int[] sizes = list(metadata, SAMPLE_SHAPE).stream()
                .mapToInt(d -> ((Number) d).intValue())
                .toArray();
        if (sizes.length == 3) {
            return Shape.image(sizes[0], sizes[1], sizes[2]);
        }
        if (sizes.length == 1) {
            return Shape.flat(sizes[0]);
        }
        throw new IllegalArgumentException("its metadata '" + SAMPLE_SHAPE + "' has " + sizes.length + " sizes");
    }

    private static List<Object> list(Map<String, String> metadata, String key) {
        if (!(Json.parse(require(metadata, key)) instanceof List<?> list)) {
            throw new IllegalArgumentException("its metadata '" + key + "' is not a list");
        }
        return new ArrayList<>(list);
    }

    private static String require(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new IllegalArgumentException("its metadata has no '" + key + "'");
        }
        return value;
    }
}
