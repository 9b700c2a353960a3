package org.nnx.saved;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.files.AtomicFile;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;
import org.nnx.train.Checkpoint;
import org.nnx.train.MetricsRow;
import org.nnx.train.NamedTensor;
import org.nnx.train.Version;

/**
 * A run's checkpoint, {@code checkpoint.safetensors} in its folder, replaced whole at the end of every epoch
 * and every {@code checkpoint_every} iterations: the
 * network's tensors as {@code network.layers.<i>.<name>}, the optimizer's as {@code optimizer.<name>}, the
 * metrics rows so far as one float64 tensor {@code metrics} (a row each: iteration, epoch, loss, train, test
 * and validation accuracy, validation loss), with {@code keep best} the kept evaluation's network tensors as
 * {@code best.layers.<i>.<name>}, and in the metadata the counters, each number written so that it
 * reads back to the same bits.
 */
public final class CheckpointFile {
    public static final String NAME = "checkpoint.safetensors";

    static final String FORMAT = "nnx-checkpoint";
    static final String FORMAT_VERSION = "1";
    private static final String NETWORK = "network.";
    private static final String OPTIMIZER = "optimizer.";
    private static final String METRICS = "metrics";
    private static final String DRAWS = "random_draws.";
    private static final String LAST_EVALUATED = "last_evaluated.";
    private static final String TENSOR_NAMES = "parameter_tensors";
    private static final String BEST = "best.";

    private CheckpointFile() {}

    public static void write(Path file, Checkpoint checkpoint) throws IOException {
        AtomicFile.write(file, out -> write(out, checkpoint));
    }

    /** The checkpoint in the file's format, to a stream: how a worker process hands one to nnx. */
    public static void write(OutputStream out, Checkpoint checkpoint) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("format_version", FORMAT_VERSION);
        metadata.put("nnx_version", Version.current());
        metadata.put("iteration", Long.toString(checkpoint.iteration()));
        metadata.put("samples", Long.toString(checkpoint.samples()));
        metadata.put("first_loss", Double.toString(checkpoint.firstLoss()));
        metadata.put("last_loss", Double.toString(checkpoint.lastLoss()));
        metadata.put("early_best", Double.toString(checkpoint.earlyBest()));
        metadata.put("early_waited", Integer.toString(checkpoint.earlyWaited()));
        checkpoint.randomDraws().forEach((layer, draws) -> metadata.put(DRAWS + layer, Long.toString(draws)));
        metadata.put("definition", checkpoint.definition());
        metadata.put(TENSOR_NAMES, String.join("\n", checkpoint.tensors()));
        metadata.put("best_value", Double.toString(checkpoint.bestValue()));
        metadata.put("best_iteration", Long.toString(checkpoint.bestIteration()));
        List<NamedTensor> tensors = new ArrayList<>();
        checkpoint.network().forEach(t -> tensors.add(new NamedTensor(NETWORK + t.name(), t.values())));
        checkpoint.optimizer().forEach((name, t) -> tensors.add(new NamedTensor(OPTIMIZER + name, t)));
        checkpoint.best().forEach(t -> tensors.add(new NamedTensor(BEST + t.name(), t.values())));
        for (int t = 0; t < checkpoint.lastEvaluated().size(); t++) {
            tensors.add(new NamedTensor(
                    LAST_EVALUATED + t, checkpoint.lastEvaluated().get(t)));
        }
        tensors.add(new NamedTensor(
                METRICS, metrics(checkpoint.metrics(), checkpoint.tensors().size())));
        Safetensors.write(out, metadata, tensors);
    }

    /**
     * @throws SavedModelException in one line naming the file: missing, cut short, or not a checkpoint of this
     *                             format version
     */
    public static Checkpoint read(Path file) throws SavedModelException {
        return read(Safetensors.bytes(file), file.toString());
    }

    /**
     * A checkpoint from the bytes {@link #write(OutputStream, Checkpoint)} gave.
     *
     * @param file what the bytes are called in a message
     */
    public static Checkpoint read(byte[] bytes, String file) throws SavedModelException {
        try {
            Safetensors.Content content = Safetensors.read(bytes);
            Map<String, String> metadata = content.metadata();
            if (!FORMAT.equals(metadata.get("format")) || !FORMAT_VERSION.equals(metadata.get("format_version"))) {
                throw new SavedModelException(
                        file + ": not a checkpoint of format " + FORMAT + " version " + FORMAT_VERSION);
            }
            List<NamedTensor> network = new ArrayList<>();
            List<NamedTensor> best = new ArrayList<>();
            Map<String, Tensor> optimizer = new LinkedHashMap<>();
            String names = metadata.getOrDefault(TENSOR_NAMES, "");
            List<String> tensorNames = names.isEmpty() ? List.of() : List.of(names.split("\n", -1));
            Map<Integer, Tensor> lastEvaluated = new java.util.TreeMap<>();
            List<MetricsRow> rows = List.of();
            for (NamedTensor tensor : content.tensors()) {
                if (tensor.name().startsWith(NETWORK)) {
                    network.add(new NamedTensor(tensor.name().substring(NETWORK.length()), tensor.values()));
                } else if (tensor.name().startsWith(BEST)) {
                    best.add(new NamedTensor(tensor.name().substring(BEST.length()), tensor.values()));
                } else if (tensor.name().startsWith(OPTIMIZER)) {
                    optimizer.put(tensor.name().substring(OPTIMIZER.length()), tensor.values());
                } else if (tensor.name().startsWith(LAST_EVALUATED)) {
                    lastEvaluated.put(
                            Integer.parseInt(tensor.name().substring(LAST_EVALUATED.length())), tensor.values());
                } else if (tensor.name().equals(METRICS)) {
                    rows = rows(tensor.values(), tensorNames);
                }
            }
            Map<Integer, Long> draws = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                if (entry.getKey().startsWith(DRAWS)) {
                    draws.put(
                            Integer.parseInt(entry.getKey().substring(DRAWS.length())),
                            Long.parseLong(entry.getValue()));
                }
            }
            return new Checkpoint(
                    Long.parseLong(require(metadata, "iteration")),
                    Long.parseLong(require(metadata, "samples")),
                    Double.parseDouble(require(metadata, "first_loss")),
                    Double.parseDouble(require(metadata, "last_loss")),
                    network,
                    optimizer,
                    draws,
                    Double.parseDouble(require(metadata, "early_best")),
                    Integer.parseInt(require(metadata, "early_waited")),
                    rows,
                    metadata.getOrDefault("definition", ""),
                    tensorNames,
                    List.copyOf(lastEvaluated.values()),
                    Double.parseDouble(metadata.getOrDefault("best_value", "NaN")),
                    Long.parseLong(metadata.getOrDefault("best_iteration", "0")),
                    best);
        } catch (IllegalArgumentException e) {
            throw new SavedModelException(file + ": not a checkpoint nnx can use: " + e.getMessage());
        }
    }

    private static Tensor metrics(List<MetricsRow> rows, int tensors) {
        int width = MetricsRow.width(tensors);
        Tensor table = Tensor.zeros(Precision.FLOAT64, rows.size(), width);
        for (int r = 0; r < rows.size(); r++) {
            double[] values = rows.get(r).values(tensors);
            for (int c = 0; c < width; c++) {
                table.set(r * width + c, values[c]);
            }
        }
        return table;
    }

    private static List<MetricsRow> rows(Tensor table, List<String> tensors) {
        int width = MetricsRow.width(tensors.size());
        if (table.cols() != width || table.isFloat()) {
            throw new IllegalArgumentException("its metrics are " + table.shape() + ", not float64 rows of " + width);
        }
        List<MetricsRow> rows = new ArrayList<>();
        for (int r = 0; r < table.rows(); r++) {
            double[] values = new double[width];
            for (int c = 0; c < width; c++) {
                values[c] = table.get(r * width + c);
            }
            rows.add(MetricsRow.of(values, tensors));
        }
        return rows;
    }

    private static String require(Map<String, String> metadata, String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new IllegalArgumentException("its metadata has no '" + key + "'");
        }
        return value;
    }
}
