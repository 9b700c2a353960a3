package org.nnx.cli;

import java.nio.file.Path;
import org.nnx.registry.ComponentRegistry;
import org.nnx.saved.ModelFile;
import org.nnx.saved.Predictor;
import org.nnx.saved.SavedModel;
import org.nnx.saved.SavedModelException;

/** Opens a saved model for {@code predict} and {@code evaluate}: a run folder stands for its model file. */
final class SavedModels {
    private SavedModels() {}

    /** @throws CommandFailure (status 2) saying in one line why the model cannot be used */
    static Predictor open(Path given, ComponentRegistry registry) {
        Path file = given.toFile().isDirectory() ? given.resolve(ModelFile.NAME) : given;
        SavedModel saved;
        try {
            saved = ModelFile.read(file);
        } catch (SavedModelException e) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, e.getMessage());
        }
        try {
            return Predictor.of(saved, registry);
        } catch (RuntimeException e) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, file + ": the model cannot be built: " + e.getMessage());
        }
    }
}
