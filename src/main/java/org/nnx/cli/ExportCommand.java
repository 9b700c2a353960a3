package org.nnx.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.nnx.files.AtomicFile;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.saved.OnnxExport;
import org.nnx.saved.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nnx export MODEL --onnx FILE.onnx}. */
@Command(
        name = "export",
        sortOptions = false,
        description = {
            "Write a saved model as an ONNX graph of standard operators,",
            "input 'input' [batch, features], output 'output' [batch, classes] as nnx computes it."
        })
final class ExportCommand extends Subcommand {
    @Option(names = "--onnx", paramLabel = "FILE", required = true, description = "the .onnx file to write")
    Path onnx;

    @Mixin
    SavedModelOptions savedModel;

    ExportCommand(CommandEnvironment environment) {
        super(environment, "no model given");
    }

    @Override
    public Integer call() {
        try (LoadedPlugins loaded = environment.loadPlugins(savedModel.plugins)) {
            // Built first: a model whose tensors do not fit its layers is refused before anything is written.
            Predictor predictor = SavedModels.open(savedModel.model, loaded.registry());
            byte[] bytes;
            try {
                bytes = OnnxExport.of(predictor.saved());
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(
                        ExitStatus.BAD_INPUT, savedModel.model + ": cannot export to ONNX: " + e.getMessage());
            }
            try {
                AtomicFile.write(onnx, bytes);
            } catch (IOException e) {
                throw new CommandFailure(ExitStatus.BAD_INPUT, "cannot write " + onnx + ": " + e.getMessage());
            }
            terminal().out().println("onnx: " + Terminal.printable(onnx.toString()));
            return ExitStatus.OK;
        }
    }
}
