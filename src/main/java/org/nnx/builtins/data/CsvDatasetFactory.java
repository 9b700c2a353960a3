package org.nnx.builtins.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.nnx.spi.Arguments;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.ParameterType;
import org.nnx.spi.Range;
import org.nnx.spi.Shape;

/**
 * {@code dataset csv, path = "...", label = "column", test = "..." | test_fraction = F, header = true,
 * normalize = standard}: numeric features and a label column from CSV files (Apache Commons CSV).
 *
 * <p>Labels are any text; the distinct labels of both files, sorted (numerically when every label is a
 * number, else as text), are the classes. Without a test file, {@code test_fraction} of the rows (0.2 when
 * not given) are held out for testing, drawn with the run's seed; both parts keep the file's order.
 * Features are float32; the scaling chosen by {@code normalize} is fitted on the training rows only.
 */
public final class CsvDatasetFactory implements DatasetFactory {
    /** The share of rows held out when neither {@code test} nor {@code test_fraction} is given. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String description() {
        return "numeric features and a label column from a CSV file";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                DatasetParameters.requiredString(
                        "path",
                        "the CSV file of training rows (or of all rows with"
                                + " test_fraction), relative to the .nnx file"),
                ParameterSpec.string(
                        "label",
                        null,
                        "the label column: its name in the header, or its 0-based"
                                + " index as a string (\"0\"); default the last column"),
                ParameterSpec.string(
                        "test", null, "a CSV file of test rows with the same columns; instead of" + " test_fraction"),
                new ParameterSpec(
                        "test_fraction",
                        ParameterType.NUMBER,
                        null,
                        false,
                        new Range(0, false, 1, false),
                        List.of(),
                        "the share of path's rows held out for testing, drawn with the seed; default "
                                + DEFAULT_TEST_FRACTION + " when there is no test file"),
                ParameterSpec.bool("header", true, "whether the first row names the columns"),
                ParameterSpec.choice(
                        "normalize",
                        "standard",
                        FeatureScaling.CHOICES,
                        "feature scaling fitted on"
                                + " the training rows: standard = zero mean, unit variance; minmax = [0, 1]; none"),
                DatasetParameters.limit(),
                ParameterSpec.imageShape(
                        "shape",
                        "each row's features as an image, [channels, height, width] or [height, width]"
                                + " (one channel), channel after channel and row by row; default flat"));
    }

    @Override
    public TabularDataset load(Arguments arguments, DatasetContext context) throws DatasetException {
        if (arguments.has("test") && arguments.has("test_fraction")) {
            throw new DatasetException("csv: give either test = \"...\" or test_fraction, not both");
        }
        boolean header = arguments.bool("header");
        String label = arguments.has("label") ? arguments.string("label") : null;
        CsvTable rows = CsvTable.read(DataFile.of(arguments.string("path"), context), header, label);
        CsvTable testRows = null;
        if (arguments.has("test")) {
            testRows = CsvTable.read(DataFile.of(arguments.string("test"), context), header, label);
            checkSameColumns(rows, testRows);
        }
        List<String> classes = classes(rows, testRows);
        Map<String, Integer> classIndex = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            classIndex.put(classes.get(i), i);
        }

        int features = rows.featureCount();
        boolean[] heldOut = new boolean[rows.rows()];
        String split;
        if (testRows == null) {
            double fraction =
                    arguments.has("test_fraction") ? arguments.number("test_fraction") : DEFAULT_TEST_FRACTION;
            holdOut(rows, fraction, context.seed(), heldOut);
            split = "test_fraction " + fraction + " held out with seed " + context.seed();
        } else {
            split = "test rows from " + testRows.file().name();
        }
        int limit = DatasetParameters.limit(arguments);
        Part train = part(rows, heldOut, false, limit, classIndex);
        Part test = testRows == null
                ? part(rows, heldOut, true, Integer.MAX_VALUE, classIndex)
                : part(testRows, new boolean[testRows.rows()], false, Integer.MAX_VALUE, classIndex);

        String normalize = arguments.string("normalize");
        FeatureScaling scaling = FeatureScaling.fit(normalize, train.values, train.labels.length, features);
        scaling.apply(train.values);
        scaling.apply(test.values);
        String description = "CSV " + rows.file().name() + ": " + train.labels.length + " training rows, "
                + test.labels.length + " test rows (" + split + "), " + features + " features, label column "
                + rows.describeColumn(rows.labelColumn()) + ", normalize " + normalize;
        return new TabularDataset(
                new FloatSplit(train.values, train.labels, features),
                new FloatSplit(test.values, test.labels, features),
                features,
                classes,
                description,
                arguments.has("shape") ? RowShape.of(arguments.asMap().get("shape"), features) : Shape.flat(features),
                CsvSamples.preprocessing(rows, header, scaling));
    }

    /** The rows of one split: features and class indexes. */
    private record Part(float[] values, int[] labels) {}

    /** The rows whose {@code heldOut} flag is {@code wanted}, in file order, at most {@code limit} of them. */
    private static Part part(
            CsvTable table, boolean[] heldOut, boolean wanted, int limit, Map<String, Integer> classIndex) {
        int features = table.featureCount();
        int count = 0;
        for (boolean flag : heldOut) {
            count += flag == wanted ? 1 : 0;
        }
        count = Math.min(count, limit);
        float[] values = new float[count * features];
        int[] labels = new int[count];
        int taken = 0;
        for (int row = 0; row < table.rows() && taken < count; row++) {
            if (heldOut[row] == wanted) {
                System.arraycopy(table.features(), row * features, values, taken * features, features);
                labels[taken++] = classIndex.get(table.labels()[row]);
            }
        }
        return new Part(values, labels);
    }

    /** Marks round(fraction · rows) rows, drawn with the seed, as test rows. */
    private static void holdOut(CsvTable table, double fraction, long seed, boolean[] heldOut) throws DatasetException {
        int rows = table.rows();
        long testRows = Math.round(fraction * rows);
        if (testRows < 1 || testRows >= rows) {
            throw new DatasetException(table.file().name() + ": test_fraction " + fraction + " of " + rows
                    + " rows holds out " + (testRows < 1 ? "no row" : "every row")
                    + "; change it or give a test file (test = \"...\")");
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        for (int i = 0; i < testRows; i++) {
            heldOut[order[i]] = true;
        }
    }

    private static void checkSameColumns(CsvTable train, CsvTable test) throws DatasetException {
        if (test.columns() != train.columns()) {
            throw new DatasetException(test.file().name() + ": " + test.columns() + " columns, but "
                    + train.file().name() + " has " + train.columns());
        }
        if (train.columnNames() != null) {
            for (int column = 0; column < train.columns(); column++) {
                if (!train.columnNames().get(column).equals(test.columnNames().get(column))) {
                    throw new DatasetException(test.file().name() + ": column " + column + " is '"
                            + test.columnNames().get(column) + "', but in "
                            + train.file().name() + " it is '"
                            + train.columnNames().get(column) + "'");
                }
            }
        }
    }

    /** The distinct labels of both files in sorted order; at least two of them in the training file. */
    private static List<String> classes(CsvTable rows, CsvTable testRows) throws DatasetException {
        LinkedHashSet<String> trainLabels = new LinkedHashSet<>(List.of(rows.labels()));
        if (trainLabels.size() < 2) {
            throw new DatasetException(rows.file().name() + ": every row has the label '" + rows.labels()[0]
                    + "' in column " + rows.describeColumn(rows.labelColumn())
                    + "; a classifier needs at least 2 classes");
        }
        List<String> all = new ArrayList<>(trainLabels);
        if (testRows != null) {
            all.addAll(List.of(testRows.labels()));
        }
        boolean numeric = all.stream().allMatch(label -> number(label).isPresent());
        Comparator<String> order = numeric
                ? Comparator.<String>comparingDouble(label -> number(label).getAsDouble())
                        .thenComparing(label -> label)
                : Comparator.naturalOrder();
        TreeSet<String> sorted = new TreeSet<>(order);
        sorted.addAll(all);
        return List.copyOf(sorted);
    }

    private static OptionalDouble number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
