package org.nnx.saved;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.nnx.model.RunConfig;
import org.nnx.spi.ComponentCall;
import org.nnx.train.MetricsRow;
import org.nnx.train.RunResult;
import org.nnx.train.TrainedModel;

/**
 * A trained network as nnx saves it: its values, what it is made of, and where it comes from.
 *
 * @param model      the trained values, the sample width, the class names and any image shape
 * @param layers     the model's layers as they were resolved, to build the network again
 * @param dataset    the data it was trained on, to evaluate it again
 * @param loss       its loss: {@code cross_entropy} means the outputs are softmax's inputs
 * @param definition the run's own {@code .nnx} text, which a person can read and run again
 * @param facts      everything else, as text: experiment, run, status, seed, source, accuracies, provenance
 */
public record SavedModel(
        TrainedModel model,
        List<ComponentCall> layers,
        ComponentCall dataset,
        ComponentCall loss,
        String definition,
        Map<String, String> facts) {
    public SavedModel {
        Objects.requireNonNull(model, "model");
        layers = List.copyOf(layers);
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(loss, "loss");
        definition = definition == null ? "" : definition;
        facts = Map.copyOf(facts);
    }

    /** The model of the run {@code result} of experiment {@code experiment}, trained to {@code model}. */
    public static SavedModel of(String experiment, Path source, RunResult result, TrainedModel model) {
        RunConfig config = result.plan().config();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("experiment", experiment);
        facts.put("run", result.name());
        facts.put("status", result.status().label());
        facts.put(ModelFile.SEED, Long.toString(config.seed()));
        facts.put(ModelFile.SOURCE, source.toAbsolutePath().normalize().toString());
        facts.put("train_accuracy", Double.toString(result.trainAccuracy()));
        facts.put("test_accuracy", Double.toString(result.testAccuracy()));
        result.provenance().entries().forEach((key, value) -> facts.put("provenance." + key, value));
        return new SavedModel(
                model,
                config.layers(),
                config.dataset(),
                config.loss(),
                result.plan().settings(),
                facts);
    }

    /**
     * The model of {@code result}'s best evaluation ({@code keep best}), whose metrics row is {@code at}: its facts
     * give that evaluation's accuracies and iteration instead of the run's last ones.
     */
    public static SavedModel best(String experiment, Path source, RunResult result, TrainedModel model, MetricsRow at) {
        SavedModel whole = of(experiment, source, result, model);
        Map<String, String> facts = new LinkedHashMap<>(whole.facts());
        facts.put("train_accuracy", Double.toString(at.trainAccuracy()));
        facts.put("test_accuracy", Double.toString(at.testAccuracy()));
        facts.put("iteration", Long.toString(at.iteration()));
        return new SavedModel(model, whole.layers(), whole.dataset(), whole.loss(), whole.definition(), facts);
    }

    /** A fact by its key, or empty. */
    public String fact(String key) {
        return facts.getOrDefault(key, "");
    }

    /** The seed the run was trained with: its data's shuffles depend on it. */
    public long seed() {
        try {
            return Long.parseLong(fact(ModelFile.SEED));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
