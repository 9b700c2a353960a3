package org.nnx.builtins.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nnx.spi.DatasetException;
import org.nnx.spi.Split;

/**
 * New rows read as {@code dataset csv} read its own: the training file's feature columns, scaled as fitted on the
 * training rows (the dataset's {@code preprocessing}, kept in a saved model). The label column may be there or
 * not: rows to classify rarely have one; with it, each row's label is its true class. With a header, columns are
 * matched by name, in any order, and every column must be one of the training file's; without one, they are taken
 * in the training file's order, with or without its label column.
 */
public final class CsvSamples {
    /** The kind of {@code preprocessing} this class writes and reads. */
    public static final String KIND = "csv";

    /**
     * Rows read for a model.
     *
     * @param split    the scaled features; each row's class when {@code labelled}, else 0
     * @param labelled whether the file had the label column
     */
    public record Rows(Split split, boolean labelled) {}

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
     * The rows of {@code file}, their features scaled as {@code preprocessing} says.
     *
     * @param classNames the model's classes, which the labels of a file with the label column must name
     * @throws DatasetException in one line naming the file and line: unreadable, columns missing or not the
     *                          model's, a cell that is not a number, a label that is not a class
     */
    public static Rows read(Path file, Map<String, Object> preprocessing, List<String> classNames)
            throws DatasetException {
        if (!KIND.equals(preprocessing.get("kind"))) {
            throw new DatasetException(file + ": a CSV file, but the model was not trained on CSV rows");
        }
        DataFile data = DataFile.of(file);
        return CsvTable.parse(data, parser -> new Reading(data, preprocessing, classNames, parser).read());
    }

    /** The state of reading one file of new rows. */
    private static final class Reading {
        private final DataFile file;
        private final boolean header;
        private final int columns;
        private final int labelColumn;
        private final List<String> trainedNames;
        private final List<String> classNames;
        private final FeatureScaling scaling;
        private final CSVParser parser;
        /** The file's header, or null without one. */
        private List<String> names;
        /** The width of every row, and the line that set it when there is no header. */
        private int width = -1;

        private long widthLine;
        /** Where each of the model's features is in the file's rows, in the model's order. */
        private int[] featureAt;
        /** Where the label is in the file's rows, or -1 when it has none. */
        private int labelAt = -1;

        Reading(DataFile file, Map<String, Object> preprocessing, List<String> classNames, CSVParser parser) {
            this.file = file;
            this.header = Boolean.TRUE.equals(preprocessing.get("header"));
            this.columns = ((Number) preprocessing.get("columns")).intValue();
            this.labelColumn = ((Number) preprocessing.get("label_column")).intValue();
            this.trainedNames = preprocessing.get("column_names") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : null;
            this.classNames = classNames;
            this.scaling =
                    FeatureScaling.of(unboxed(preprocessing.get("offset")), unboxed(preprocessing.get("factor")));
            this.parser = parser;
        }

        Rows read() throws DatasetException {
            Iterator<CSVRecord> records = CsvTable.records(file, parser);
            if (header) {
                names = records.next().toList();
                width = names.size();
                widthLine = parser.getCurrentLineNumber();
                if (trainedNames == null) {
                    byPosition(widthLine);
                } else {
                    byName(widthLine);
                }
                if (!records.hasNext()) {
                    throw new DatasetException(file.name() + ": a header but no rows");
                }
            }
            int features = columns - 1;
            float[] values = new float[1024];
            int[] labels = new int[64];
            int rows = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = parser.getCurrentLineNumber();
                if (width < 0) {
                    width = record.size();
                    widthLine = line;
                    byPosition(line);
                }
                if (record.size() != width) {
                    throw new DatasetException(file.name() + ", line " + line + ": " + record.size() + " values, but "
                            + (header ? "the header has " : "line " + widthLine + " has ") + width);
                }
                if (values.length < (rows + 1) * features) {
                    values = Arrays.copyOf(values, Math.max(values.length * 2, (rows + 1) * features));
                }
                if (labels.length == rows) {
                    labels = Arrays.copyOf(labels, rows * 2);
                }
                for (int f = 0; f < features; f++) {
                    values[rows * features + f] =
                            CsvTable.number(record.get(featureAt[f]), CsvTable.place(file, line, names, featureAt[f]));
                }
                if (labelAt >= 0) {
                    labels[rows] = classOf(record.get(labelAt), line);
                }
                rows++;
            }
            float[] scaled = Arrays.copyOf(values, rows * features);
            scaling.apply(scaled);
            return new Rows(new FloatSplit(scaled, Arrays.copyOf(labels, rows), features), labelAt >= 0);
        }

        /** The training file's columns by name: each feature's must be in the header, and nothing else. */
        private void byName(long line) throws DatasetException {
            for (String name : names) {
                if (names.indexOf(name) != names.lastIndexOf(name)) {
                    throw new DatasetException(file.name() + ", line " + line + ": the header has column '" + name
                            + "' twice (indexes " + names.indexOf(name) + " and " + names.lastIndexOf(name) + ")");
                }
            }
            List<String> missing = new ArrayList<>();
            featureAt = new int[columns - 1];
            for (int column = 0, f = 0; column < columns; column++) {
                if (column != labelColumn) {
                    featureAt[f++] = names.indexOf(trainedNames.get(column));
                    if (!names.contains(trainedNames.get(column))) {
                        missing.add(trainedNames.get(column));
                    }
                }
            }
            List<String> foreign =
                    names.stream().filter(name -> !trainedNames.contains(name)).toList();
            List<String> wrong = new ArrayList<>();
            if (!missing.isEmpty()) {
                wrong.add((missing.size() == 1 ? "no column " : "no columns ") + quoted(missing)
                        + ", which the model takes");
            }
            if (!foreign.isEmpty()) {
                wrong.add((foreign.size() == 1
                                ? "column " + quoted(foreign) + " is not"
                                : "columns " + quoted(foreign) + " are not")
                        + " among the model's (" + String.join(", ", trainedNames) + ")");
            }
            if (!wrong.isEmpty()) {
                throw new DatasetException(file.name() + ", line " + line + ": " + String.join("; ", wrong));
            }
            labelAt = names.indexOf(trainedNames.get(labelColumn));
        }

        /** The training file's columns in its order, with its label column or without it. */
        private void byPosition(long line) throws DatasetException {
            featureAt = new int[columns - 1];
            if (width == columns) {
                labelAt = labelColumn;
                for (int column = 0, f = 0; column < columns; column++) {
                    if (column != labelColumn) {
                        featureAt[f++] = column;
                    }
                }
            } else if (width == columns - 1) {
                for (int f = 0; f < featureAt.length; f++) {
                    featureAt[f] = f;
                }
            } else {
                throw new DatasetException(file.name() + ", line " + line + ": " + width
                        + " values, but the model was trained on " + (columns - 1) + " feature columns and a label ("
                        + columns + " columns, or " + (columns - 1) + " without the label)");
            }
        }

        private int classOf(String label, long line) throws DatasetException {
            int index = classNames.indexOf(label);
            if (index < 0) {
                throw new DatasetException(CsvTable.place(file, line, names, labelAt) + ": '" + label
                        + "' is not one of the model's classes (" + String.join(", ", classNames) + ")");
            }
            return index;
        }

        private static String quoted(List<String> names) {
            return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        }
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
