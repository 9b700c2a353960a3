package org.nnx.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nnx.model.TrainingLength;

/**
 * Runs shared/bench's numpy peer ({@code peer_numpy.py}, float32) on the same data and model, in a child
 * process, and reads its {@code RESULT} line.
 *
 * <p>The peer runs with numpy's own thread defaults: the OpenBLAS thread variables nnx's launcher sets are
 * removed from its environment, and so are {@code OPENBLAS_CORETYPE} and {@code OPENBLAS_L2_SIZE}, which
 * some machines here set for old OpenBLAS builds and which slow a current numpy (the workplace's notes
 * say to unset both in the benchmark command alone).
 */
public final class NumpyPeer {
    private static final List<String> REMOVED = List.of(
            "OPENBLAS_CORETYPE",
            "OPENBLAS_L2_SIZE",
            "OPENBLAS_NUM_THREADS",
            "GOTO_NUM_THREADS",
            "OMP_NUM_THREADS",
            "NNX_BLAS");

    private final Path python;
    private final Path script;

    /**
     * @param python a python3 that has numpy (Debian's {@code /usr/bin/python3} with python3-numpy)
     * @param folder the folder of {@code peer_numpy.py}
     */
    public NumpyPeer(Path python, Path folder) {
        this.python = python;
        this.script = folder.resolve("peer_numpy.py");
    }

    /** Why the peer cannot run here, or null when it can. */
    public String unavailable() {
        return PythonPeer.unavailable(python, script, "--peer-dir DIR");
    }

    /**
     * Trains once, the model the peer knows by the same label, for {@code length} in whole epochs; the
     * {@code threads} of OpenBLAS are numpy's default when null.
     */
    public Measurement run(ReferenceModel model, Path data, TrainingLength length, Integer threads)
            throws IOException, InterruptedException {
        if (length.unit() != TrainingLength.Unit.EPOCHS) {
            throw new IOException("the numpy peer trains whole epochs, and " + model.file() + " trains "
                    + length.count() + " iterations; give --epochs N");
        }
        List<String> command = new ArrayList<>(List.of(
                python.toString(),
                script.toString(),
                "--data",
                data.toString(),
                "--model",
                model.label(),
                "--epochs",
                Long.toString(length.count()),
                "--dtype",
                "float32"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.directory(script.getParent().toFile());
        Map<String, String> environment = builder.environment();
        REMOVED.forEach(environment::remove);
        if (threads != null) {
            environment.put("OPENBLAS_NUM_THREADS", threads.toString());
        }
        String trainer =
                "numpy f32" + (threads == null ? "" : " (" + threads + (threads == 1 ? " thread)" : " threads)"));
        return PythonPeer.measure(builder, model.label(), trainer, "the numpy peer failed", 5);
    }
}
