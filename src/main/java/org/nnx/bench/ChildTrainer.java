package org.nnx.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnx.train.StopSignal;

/**
 * Trains a model in a fresh JVM started like this one, with a backend's environment: a process chooses its BLAS
 * once, and OpenBLAS reads its thread count once. The child is {@code nnx bench --child}, which prints its
 * measurement as one line ({@link Measurement#toLine()}).
 */
final class ChildTrainer {
    private static final String MAIN_CLASS = "org.nnx.cli.Main";

    private final StopSignal stop;

    ChildTrainer(StopSignal stop) {
        this.stop = stop;
    }

    Measurement train(ReferenceModel model, String backend, BenchOptions options)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command(model, options)).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(BackendSpec.parse(backend).environment());
        Process process = builder.start();
        Measurement result = null;
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Measurement parsed = Measurement.parse(line);
                if (parsed != null) {
                    result = parsed;
                }
            }
        } finally {
            if (stop.requested()) {
                process.destroy();
            }
        }
        int status = process.waitFor();
        if (status != 0 || result == null) {
            throw new IOException(
                    "the " + model.label() + " model on backend " + backend + " failed (exit status " + status + ")");
        }
        // The child knows the model by its file; the table knows it by its label.
        return new Measurement(
                model.label(),
                result.trainer(),
                result.runs(),
                result.samplesPerSecond(),
                result.testAccuracy(),
                result.seconds(),
                result.peakHeapMegabytes());
    }

    /** This JVM's command, options and class path, and the options that make the child train what we would. */
    private static List<String> command(ReferenceModel model, BenchOptions options) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                MAIN_CLASS,
                "bench",
                "--child",
                "--model",
                model.file().toString(),
                "--side-by-side",
                Integer.toString(options.sideBySide()),
                "--data",
                options.data().toString(),
                "--seed",
                Long.toString(options.seed()),
                "--cores",
                Integer.toString(options.cores())));
        if (options.epochs() != null) {
            command.addAll(List.of("--epochs", options.epochs().toString()));
        }
        return command;
    }
}
