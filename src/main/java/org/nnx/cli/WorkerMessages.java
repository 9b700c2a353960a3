package org.nnx.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnx.model.RunPlan;
import org.nnx.saved.CheckpointFile;
import org.nnx.saved.SavedModelException;
import org.nnx.spi.Shape;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;
import org.nnx.train.Baselines;
import org.nnx.train.Checkpoint;
import org.nnx.train.DataOverview;
import org.nnx.train.DatasetSummary;
import org.nnx.train.LayerTable;
import org.nnx.train.LearnedFilters;
import org.nnx.train.MetricsRow;
import org.nnx.train.ModelDescription;
import org.nnx.train.NamedTensor;
import org.nnx.train.Provenance;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.TensorDiagnostics;
import org.nnx.train.TestOutcome;
import org.nnx.train.TrainedModel;

/**
 * What a worker process tells nnx about the run it trains, one message a line on its stdout:
 * {@code nnx-worker KIND BASE64}, the body in binary so that every number comes back with the very bits it had.
 * Any other line on the worker's stdout is not a message (the JVM writes there when it dies).
 */
final class WorkerMessages {
    static final String PREFIX = "nnx-worker ";

    /** The first line nnx sends a worker that summarizes the data instead of training. */
    static final String DATA_COMMAND = "data";

    private static final String GO = "go";
    private static final String PRUNE = "prune ";

    /** The messages, in the order a run sends them; {@link #EXIT} only when the process is ending early. */
    enum Kind {
        /** The worker's heap limit in bytes, first of all. */
        HELLO,
        STARTED,
        ITERATION,
        EVALUATED,
        RECORDED,
        CHECKPOINT,
        MODEL,
        /** The weights of the best evaluation so far ({@code keep best}), and that evaluation's row. */
        BEST,
        DESCRIBED,
        TESTED,
        /**
         * At a rung of {@code search halving}: the iteration, the iterations per epoch and the evaluation just made.
         * The worker then waits on its stdin for nnx's ruling ({@link #ruling}).
         */
        RUNG,
        /** The run's result, last: the worker exits after it. */
        FINISHED,
        /**
         * Instead of a run's messages, from a worker asked for the report's overview of the first run's data
         * ({@link #DATA_COMMAND}): the summary and baselines, last.
         */
        DATA,
        /** The process is ending without a result: who called {@code System.exit}, and the stack. */
        EXIT
    }

    /** A message's body, written into the line. */
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** A message read from a line. */
    record Message(Kind kind, DataInputStream body) {}

    private WorkerMessages() {}

    static String line(Kind kind, Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
        return PREFIX + kind.name() + " " + Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** The message a line holds; empty for a line that is not one. */
    static Optional<Message> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int space = line.indexOf(' ', PREFIX.length());
        if (space < 0) {
            return Optional.empty();
        }
        try {
            Kind kind = Kind.valueOf(line.substring(PREFIX.length(), space));
            byte[] body = Base64.getDecoder().decode(line.substring(space + 1));
            return Optional.of(new Message(kind, new DataInputStream(new ByteArrayInputStream(body))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The line nnx sends a worker waiting at a rung: {@code go}, or {@code prune BASE64} with the reason. */
    static String ruling(Optional<String> pruned) {
        return pruned.map(reason -> PRUNE + Base64.getEncoder().encodeToString(reason.getBytes(StandardCharsets.UTF_8)))
                .orElse(GO);
    }

    /**
     * The ruling a line from nnx holds ({@link #ruling}): empty to go on, else why the trial is pruned.
     *
     * @throws IOException when the line is not a ruling
     */
    static Optional<String> readRuling(String line) throws IOException {
        if (line.equals(GO)) {
            return Optional.empty();
        }
        if (line.startsWith(PRUNE)) {
            try {
                return Optional.of(
                        new String(Base64.getDecoder().decode(line.substring(PRUNE.length())), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // Not Base64: said below.
            }
        }
        throw new IOException("nnx sent no ruling for the rung but: " + line);
    }

    /** What a trial at a rung sends: where it is, and its evaluation there (none when it has none). */
    static void writeRung(DataOutputStream out, long iteration, long iterationsPerEpoch, MetricsRow evaluated)
            throws IOException {
        out.writeLong(iteration);
        out.writeLong(iterationsPerEpoch);
        out.writeBoolean(evaluated != null);
        if (evaluated != null) {
            writeRow(out, evaluated);
        }
    }

    static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        return new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
    }

    /** A row as {@link MetricsRow#values} gives it, after its parameter tensors' names. */
    static void writeRow(DataOutputStream out, MetricsRow row) throws IOException {
        List<String> tensors =
                row.parameters().stream().map(TensorDiagnostics::tensor).toList();
        writeStrings(out, tensors);
        for (double value : row.values(tensors.size())) {
            out.writeDouble(value);
        }
    }

    static MetricsRow readRow(DataInputStream in) throws IOException {
        List<String> tensors = readStrings(in);
        double[] values = new double[MetricsRow.width(tensors.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return MetricsRow.of(values, tensors);
    }

    static void writeCheckpoint(DataOutputStream out, Checkpoint checkpoint) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CheckpointFile.write(bytes, checkpoint);
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    static Checkpoint readCheckpoint(DataInputStream in) throws IOException {
        try {
            return CheckpointFile.read(in.readNBytes(in.readInt()), "the worker's checkpoint");
        } catch (SavedModelException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    static void writeModel(DataOutputStream out, TrainedModel model) throws IOException {
        out.writeInt(model.tensors().size());
        for (NamedTensor tensor : model.tensors()) {
            writeString(out, tensor.name());
            writeTensor(out, tensor.values());
        }
        out.writeInt(model.features());
        writeStrings(out, model.classNames());
        writeShape(out, model.imageShape());
        writePreprocessing(out, model.preprocessing());
        writeSampleShape(out, model.sampleShape());
    }

    static TrainedModel readModel(DataInputStream in) throws IOException {
        List<NamedTensor> tensors = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            tensors.add(new NamedTensor(readString(in), readTensor(in)));
        }
        int features = in.readInt();
        List<String> classNames = readStrings(in);
        Optional<int[]> imageShape = readShape(in);
        Map<String, Object> preprocessing = readPreprocessing(in);
        return new TrainedModel(tensors, features, classNames, imageShape, preprocessing, readSampleShape(in));
    }

    private static void writeSampleShape(DataOutputStream out, Shape shape) throws IOException {
        out.writeBoolean(shape.image());
        out.writeInt(shape.channels());
        out.writeInt(shape.height());
        out.writeInt(shape.width());
    }

    private static Shape readSampleShape(DataInputStream in) throws IOException {
        boolean image = in.readBoolean();
        int channels = in.readInt();
        int height = in.readInt();
        int width = in.readInt();
        return image ? Shape.image(channels, height, width) : Shape.flat(channels * height * width);
    }

    static void writeDescription(DataOutputStream out, ModelDescription description) throws IOException {
        LayerTable layers = description.layers();
        writeSampleShape(out, layers.input());
        out.writeInt(layers.rows().size());
        for (LayerTable.Row row : layers.rows()) {
            writeString(out, row.layer());
            writeSampleShape(out, row.output());
            out.writeLong(row.parameters());
        }
        out.writeLong(layers.total());
        out.writeBoolean(description.filters().isPresent());
        if (description.filters().isPresent()) {
            LearnedFilters filters = description.filters().get();
            out.writeInt(filters.layer());
            writeTensor(out, filters.before());
            writeTensor(out, filters.after());
            out.writeInt(filters.channels());
            out.writeInt(filters.height());
            out.writeInt(filters.width());
        }
    }

    static ModelDescription readDescription(DataInputStream in) throws IOException {
        Shape input = readSampleShape(in);
        List<LayerTable.Row> rows = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            rows.add(new LayerTable.Row(readString(in), readSampleShape(in), in.readLong()));
        }
        LayerTable layers = new LayerTable(input, rows, in.readLong());
        Optional<LearnedFilters> filters = Optional.empty();
        if (in.readBoolean()) {
            filters = Optional.of(new LearnedFilters(
                    in.readInt(), readTensor(in), readTensor(in), in.readInt(), in.readInt(), in.readInt()));
        }
        return new ModelDescription(layers, filters);
    }

    /**
     * A dataset's preprocessing: JSON-like values (strings, booleans, numbers, lists, maps), which Java's own
     * serialization carries with every double's bits.
     */
    private static void writePreprocessing(DataOutputStream out, Map<String, Object> preprocessing) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(new LinkedHashMap<>(preprocessing));
        }
        out.writeInt(bytes.size());
        bytes.writeTo(out);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readPreprocessing(DataInputStream in) throws IOException {
        byte[] bytes = in.readNBytes(in.readInt());
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Map<String, Object>) objects.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("the worker's model preprocessing names an unknown class: " + e.getMessage(), e);
        }
    }

    static void writeOutcome(DataOutputStream out, TestOutcome outcome) throws IOException {
        writeStrings(out, outcome.classNames());
        out.writeInt(outcome.confusion().length);
        for (long[] row : outcome.confusion()) {
            out.writeInt(row.length);
            for (long count : row) {
                out.writeLong(count);
            }
        }
        out.writeInt(outcome.misclassified().size());
        for (TestOutcome.Misclassified sample : outcome.misclassified()) {
            out.writeInt(sample.index());
            out.writeInt(sample.truth());
            out.writeInt(sample.predicted());
            out.writeInt(sample.features().length);
            for (float value : sample.features()) {
                out.writeFloat(value);
            }
        }
        writeShape(out, outcome.imageShape());
    }

    static TestOutcome readOutcome(DataInputStream in) throws IOException {
        List<String> classNames = readStrings(in);
        long[][] confusion = new long[in.readInt()][];
        for (int i = 0; i < confusion.length; i++) {
            confusion[i] = new long[in.readInt()];
            for (int j = 0; j < confusion[i].length; j++) {
                confusion[i][j] = in.readLong();
            }
        }
        List<TestOutcome.Misclassified> misclassified = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            int index = in.readInt();
            int truth = in.readInt();
            int predicted = in.readInt();
            float[] features = new float[in.readInt()];
            for (int i = 0; i < features.length; i++) {
                features[i] = in.readFloat();
            }
            misclassified.add(new TestOutcome.Misclassified(index, truth, predicted, features));
        }
        return new TestOutcome(classNames, confusion, misclassified, readShape(in));
    }

    static void writeOverview(DataOutputStream out, DataOverview overview) throws IOException {
        out.writeBoolean(overview.summary().isPresent());
        if (overview.summary().isPresent()) {
            DatasetSummary summary = overview.summary().get();
            writeString(out, summary.description());
            out.writeInt(summary.trainSize());
            out.writeInt(summary.validationSize());
            out.writeInt(summary.testSize());
            out.writeInt(summary.features());
            writeStrings(out, summary.classNames());
            writeInts(out, summary.trainClassCounts());
            writeInts(out, summary.testClassCounts());
            out.writeBoolean(summary.imageShape().isPresent());
            if (summary.imageShape().isPresent()) {
                writeInts(out, summary.imageShape().get());
            }
            out.writeInt(summary.samples().size());
            for (List<float[]> ofClass : summary.samples()) {
                out.writeInt(ofClass.size());
                for (float[] sample : ofClass) {
                    out.writeInt(sample.length);
                    for (float value : sample) {
                        out.writeFloat(value);
                    }
                }
            }
        }
        out.writeBoolean(overview.baselines().isPresent());
        if (overview.baselines().isPresent()) {
            Baselines baselines = overview.baselines().get();
            out.writeDouble(baselines.chance());
            writeString(out, baselines.majorityClass());
            out.writeDouble(baselines.majority());
            out.writeDouble(baselines.nearestNeighbour());
        }
        out.writeBoolean(overview.unavailable().isPresent());
        if (overview.unavailable().isPresent()) {
            writeString(out, overview.unavailable().get());
        }
    }

    static DataOverview readOverview(DataInputStream in) throws IOException {
        Optional<DatasetSummary> summary = Optional.empty();
        if (in.readBoolean()) {
            String description = readString(in);
            int trainSize = in.readInt();
            int validationSize = in.readInt();
            int testSize = in.readInt();
            int features = in.readInt();
            List<String> classNames = readStrings(in);
            List<Integer> trainCounts = readInts(in);
            List<Integer> testCounts = readInts(in);
            Optional<List<Integer>> imageShape = in.readBoolean() ? Optional.of(readInts(in)) : Optional.empty();
            List<List<float[]>> samples = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                List<float[]> ofClass = new ArrayList<>();
                for (int m = in.readInt(); m > 0; m--) {
                    float[] sample = new float[in.readInt()];
                    for (int i = 0; i < sample.length; i++) {
                        sample[i] = in.readFloat();
                    }
                    ofClass.add(sample);
                }
                samples.add(ofClass);
            }
            summary = Optional.of(new DatasetSummary(
                    description,
                    trainSize,
                    validationSize,
                    testSize,
                    features,
                    classNames,
                    trainCounts,
                    testCounts,
                    imageShape,
                    samples));
        }
        Optional<Baselines> baselines = in.readBoolean()
                ? Optional.of(new Baselines(in.readDouble(), readString(in), in.readDouble(), in.readDouble()))
                : Optional.empty();
        Optional<String> unavailable = in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
        return new DataOverview(summary, baselines, unavailable);
    }

    private static void writeInts(DataOutputStream out, List<Integer> values) throws IOException {
        out.writeInt(values.size());
        for (int value : values) {
            out.writeInt(value);
        }
    }

    private static List<Integer> readInts(DataInputStream in) throws IOException {
        List<Integer> values = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            values.add(in.readInt());
        }
        return values;
    }

    /** A run's result without its plan, which nnx has: the worker's plan is a copy made from the same file. */
    static void writeResult(DataOutputStream out, RunResult result) throws IOException {
        writeString(out, result.status().name());
        writeString(out, result.reason());
        out.writeInt(result.metrics().size());
        for (MetricsRow row : result.metrics()) {
            writeRow(out, row);
        }
        out.writeDouble(result.trainAccuracy());
        out.writeDouble(result.testAccuracy());
        out.writeDouble(result.loss());
        out.writeDouble(result.seconds());
        out.writeDouble(result.samplesPerSecond());
        writeStrings(out, flatten(result.provenance().entries()));
        out.writeInt(result.gradientCheck().size());
        for (Map.Entry<String, Double> entry : result.gradientCheck().entrySet()) {
            writeString(out, entry.getKey());
            out.writeDouble(entry.getValue());
        }
        writeString(out, result.trace());
    }

    /** The result {@link #writeResult} wrote, as a result of {@code run}. */
    static RunResult readResult(DataInputStream in, RunPlan run) throws IOException {
        RunResult.Builder result = RunResult.builder(run, RunStatus.valueOf(readString(in)));
        result.reason(readString(in));
        List<MetricsRow> metrics = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            metrics.add(readRow(in));
        }
        result.metrics(metrics);
        result.accuracies(in.readDouble(), in.readDouble());
        result.loss(in.readDouble());
        result.seconds(in.readDouble());
        result.samplesPerSecond(in.readDouble());
        List<String> provenance = readStrings(in);
        Map<String, String> entries = new LinkedHashMap<>();
        for (int i = 0; i + 1 < provenance.size(); i += 2) {
            entries.put(provenance.get(i), provenance.get(i + 1));
        }
        result.provenance(new Provenance(entries));
        Map<String, Double> gradientCheck = new LinkedHashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            gradientCheck.put(readString(in), in.readDouble());
        }
        result.gradientCheck(gradientCheck);
        result.trace(readString(in));
        return result.build();
    }

    private static List<String> flatten(Map<String, String> entries) {
        List<String> flat = new ArrayList<>();
        entries.forEach((key, value) -> {
            flat.add(key);
            flat.add(value);
        });
        return flat;
    }

    private static void writeTensor(DataOutputStream out, Tensor tensor) throws IOException {
        out.writeBoolean(tensor.isFloat());
        out.writeInt(tensor.rows());
        out.writeInt(tensor.cols());
        if (tensor.isFloat()) {
            for (float value : tensor.floats()) {
                out.writeFloat(value);
            }
        } else {
            for (double value : tensor.doubles()) {
                out.writeDouble(value);
            }
        }
    }

    private static Tensor readTensor(DataInputStream in) throws IOException {
        boolean isFloat = in.readBoolean();
        Tensor tensor = Tensor.zeros(isFloat ? Precision.FLOAT32 : Precision.FLOAT64, in.readInt(), in.readInt());
        for (int i = 0; i < tensor.size(); i++) {
            tensor.set(i, isFloat ? in.readFloat() : in.readDouble());
        }
        return tensor;
    }

    private static void writeStrings(DataOutputStream out, List<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String string : strings) {
            writeString(out, string);
        }
    }

    private static List<String> readStrings(DataInputStream in) throws IOException {
        List<String> strings = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            strings.add(readString(in));
        }
        return strings;
    }

    private static void writeShape(DataOutputStream out, Optional<int[]> shape) throws IOException {
        int[] dimensions = shape.orElse(new int[0]);
        out.writeBoolean(shape.isPresent());
        out.writeInt(dimensions.length);
        for (int dimension : dimensions) {
            out.writeInt(dimension);
        }
    }

    private static Optional<int[]> readShape(DataInputStream in) throws IOException {
        boolean present = in.readBoolean();
        int[] dimensions = new int[in.readInt()];
        for (int i = 0; i < dimensions.length; i++) {
            dimensions[i] = in.readInt();
        }
        return present ? Optional.of(dimensions) : Optional.empty();
    }
}
