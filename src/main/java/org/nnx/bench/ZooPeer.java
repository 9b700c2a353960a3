package org.nnx.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the zoo's peer script ({@code bench/pytorch_zoo.py}) on one zoo model, with PyTorch or with numpy, in a
 * child process, and reads its {@code RESULT} line. The script reads the same {@code .nnx} file itself.
 *
 * <p>The peer gets {@code threads} threads for everything: PyTorch's intra-op pool and OpenBLAS's (numpy's
 * through threadpoolctl); the variables some machines set for old OpenBLAS builds are removed, as for
 * {@link NumpyPeer}.
 */
final class ZooPeer {
    /** The frameworks the script trains with, as its {@code --framework} names them. */
    enum Framework {
        TORCH("torch", "PyTorch"),
        NUMPY("numpy", "numpy f32");

        final String option;
        final String label;

        Framework(String option, String label) {
            this.option = option;
            this.label = label;
        }

        /** The framework the script's {@code --framework} calls {@code option}. */
        static Optional<Framework> named(String option) {
            for (Framework framework : values()) {
                if (framework.option.equals(option)) {
                    return Optional.of(framework);
                }
            }
            return Optional.empty();
        }
    }

    private static final List<String> REMOVED =
            List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "GOTO_NUM_THREADS", "NNX_BLAS");

    private final Path python;
    private final Path script;

    ZooPeer(Path python, Path script) {
        this.python = python;
        this.script = script;
    }

    /** Why the peers cannot run here, or null when they can. */
    String unavailable() {
        return PythonPeer.unavailable(python, script, "--zoo-peer FILE");
    }

    /** Trains the model once with the framework; {@code epochs} overrides the file's when not null. */
    Measurement run(ReferenceModel model, Framework framework, Path data, Integer epochs, int threads)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                python.toString(),
                script.toString(),
                "--framework",
                framework.option,
                "--data",
                data.toString(),
                "--threads",
                Integer.toString(threads)));
        if (epochs != null) {
            command.addAll(List.of("--epochs", epochs.toString()));
        }
        command.add(model.file().toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        REMOVED.forEach(environment::remove);
        environment.put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        environment.put("OMP_NUM_THREADS", Integer.toString(threads));
        return PythonPeer.measure(
                builder,
                model.label(),
                framework.label + " (" + threads + (threads == 1 ? " thread)" : " threads)"),
                "the " + framework.label + " peer failed on " + model.label(),
                3);
    }
}
