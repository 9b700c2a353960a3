package org.nnx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A model {@code nnx bench} trains: a name for {@code --model} and the peers, and the {@code .nnx} file that
 * says what it is. The benchmark trains what the file says, so a change to the file changes what is measured.
 *
 * @param label the name {@code --model} and the peers' {@code --model} know it by
 * @param file  the experiment file, which must make one run
 */
public record ReferenceModel(String label, Path file) {

    /** The named models, their files relative to the repository; shared/bench's peers know them by these names. */
    private static final List<ReferenceModel> CATALOG = List.of(
            new ReferenceModel("small", Path.of("experiments", "fashion-small.nnx")),
            new ReferenceModel("big", Path.of("experiments", "fashion-big.nnx")));

    /** The named models, their files under {@code repository}, in the order {@code nnx bench} trains them. */
    public static List<ReferenceModel> catalog(Path repository) {
        return CATALOG.stream()
                .map(model -> new ReferenceModel(
                        model.label, repository.resolve(model.file).normalize()))
                .toList();
    }

    /**
     * The zoo of {@code nnx bench --zoo}: every {@code .nnx} file of {@code experiments/zoo} under
     * {@code repository}, by name, each known by its file's name without {@code .nnx}.
     *
     * @throws IllegalArgumentException when the folder holds none
     */
    public static List<ReferenceModel> zoo(Path repository) {
        Path folder = repository.resolve("experiments").resolve("zoo").normalize();
        List<ReferenceModel> models = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> file.getFileName().toString().endsWith(".nnx"))
                    .sorted()
                    .forEach(file -> models.add(
                            new ReferenceModel(file.getFileName().toString().replaceFirst("\\.nnx$", ""), file)));
        } catch (IOException e) {
            // Said below.
        }
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no zoo: " + folder + " holds no .nnx files");
        }
        return List.copyOf(models);
    }

    /**
     * The models {@code --model} names: {@code both} or {@code all} for the whole catalog, else a comma-separated
     * list of labels of the catalog and {@code .nnx} files (a file is known by its path as written).
     *
     * @throws IllegalArgumentException for a name that is neither
     */
    public static List<ReferenceModel> named(String text, Path repository) {
        List<ReferenceModel> catalog = catalog(repository);
        if (text.equals("both") || text.equals("all")) {
            return catalog;
        }
        List<ReferenceModel> models = new ArrayList<>();
        for (String name : text.split(",")) {
            models.add(one(name.trim(), catalog));
        }
        return List.copyOf(models);
    }

    private static ReferenceModel one(String name, List<ReferenceModel> catalog) {
        for (ReferenceModel model : catalog) {
            if (model.label.equals(name.toLowerCase(Locale.ROOT))) {
                return model;
            }
        }
        if (name.endsWith(".nnx")) {
            return new ReferenceModel(name, Path.of(name));
        }
        List<String> labels = catalog.stream().map(ReferenceModel::label).toList();
        throw new IllegalArgumentException(
                "no reference model '" + name + "'; use " + String.join(", ", labels) + ", both, or an .nnx file");
    }
}
