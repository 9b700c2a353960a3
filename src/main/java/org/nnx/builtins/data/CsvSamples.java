package org.nnx.builtins.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.spi.DatasetException;
import org.nnx.spi.Split;

/**
 * New rows read as {@code dataset csv} read its own: the same columns, the label's left out, and the feature
 * scaling fitted on the training rows, kept in a saved model as the dataset's {@code preprocessing}. The rows must
 * have the training file's columns (the label column too, whose values are not used): with a header, of the same
 * names in the same order.
 */
public final class CsvSamples {
    /** The kind of {@code preprocessing} this class writes and reads. */
    public static final String KIND = "csv";

    private CsvSamples() {}

    /** What reading rows as {@code table}'s were read takes: its columns, and the scaling fitted for training. */
    static Map<String, Object> preprocessing(CsvTable table, boolean header, FeatureScaling scaling) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("kind", KIND);
        kept.put("header", header);
        kept.put("columns", (long) table.columns());
        kept.put("label_column", (long) table.labelColumn());
        if (table.columnNames() != null) {
            kept.put("column_names", List.copyOf(table.columnNames()));
        }
        kept.put("offset", boxed(scaling.offsets()));
        kept.put("factor", boxed(scaling.factors()));
        return kept;
    }

    /**
     * The feature rows of {@code file}, scaled as {@code preprocessing} says; every label 0.
     *
     * @throws DatasetException in one line naming the file: unreadable, or of other columns than the model's
     */
    public static Split read(Path file, Map<String, Object> preprocessing) throws DatasetException {
        if (!KIND.equals(preprocessing.get("kind"))) {
            throw new DatasetException(file + ": a CSV file, but the model was not trained on CSV rows");
        }
        boolean header = Boolean.TRUE.equals(preprocessing.get("header"));
        int columns = ((Number) preprocessing.get("columns")).intValue();
        int labelColumn = ((Number) preprocessing.get("label_column")).intValue();
        CsvTable table = CsvTable.read(DataFile.of(file), header, Integer.toString(labelColumn));
        if (table.columns() != columns) {
            throw new DatasetException(file + ": " + table.columns() + " columns, but the model was trained on "
                    + columns + " (its label column included)");
        }
        if (preprocessing.get("column_names") instanceof List<?> names) {
            for (int column = 0; column < columns; column++) {
                if (!names.get(column).equals(table.columnNames().get(column))) {
                    throw new DatasetException(file + ": column " + column + " is '"
                            + table.columnNames().get(column) + "', but the model was trained on '"
                            + names.get(column) + "'");
                }
            }
        }
        float[] values = table.features();
        FeatureScaling.of(unboxed(preprocessing.get("offset")), unboxed(preprocessing.get("factor")))
                .apply(values);
        return new FloatSplit(values, new int[table.rows()], table.featureCount());
    }

    private static List<Double> boxed(double[] values) {
        List<Double> list = new ArrayList<>();
        for (double value : values) {
            list.add(value);
        }
        return list;
    }

    private static double[] unboxed(Object list) {
        List<?> values = (List<?>) list;
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = ((Number) values.get(i)).doubleValue();
        }
        return array;
    }
}
