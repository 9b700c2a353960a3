package org.nnx.builtins.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.nnx.spi.DatasetException;

/**
 * One CSV file read as numeric features and a label column: the features as float32, row after row, and
 * each row's label as written. Rows are numbered by their line in the file, so that a message leads the
 * user to the cell.
 *
 * @param file        where the rows came from
 * @param columnNames the header's names, or {@code null} without a header
 * @param columns     the number of columns, the label's included
 * @param labelColumn the label's 0-based column index
 * @param features    {@code rows × (columns − 1)} values, row after row, in column order without the label
 * @param labels      each row's label, trimmed
 */
record CsvTable(
        DataFile file, List<String> columnNames, int columns, int labelColumn, float[] features, String[] labels) {

    private static final Pattern UNCLOSED_QUOTE =
            Pattern.compile("\\(startline ([^)]+)\\) EOF reached before encapsulated token finished");
    private static final Pattern TEXT_AFTER_QUOTE =
            Pattern.compile("Invalid character between encapsulated token and delimiter at line: ([^,]+(?:,\\d{3})*),");

    /** How many feature columns a message lists before it abbreviates. */
    private static final int LISTED_COLUMNS = 12;

    int rows() {
        return labels.length;
    }

    int featureCount() {
        return columns - 1;
    }

    /** A column as messages name it: {@code 'species' (index 4)}, or {@code index 4} without a header. */
    String describeColumn(int column) {
        return columnNames != null ? "'" + columnNames.get(column) + "' (index " + column + ")" : "index " + column;
    }

    /**
     * Reads {@code file} in UTF-8 (a byte-order mark is skipped), ignoring empty lines.
     *
     * @param header whether the first row names the columns
     * @param label  the label column's name or 0-based index, or null for the last column
     */
    static CsvTable read(DataFile file, boolean header, String label) throws DatasetException {
        return parse(file, parser -> new Reading(file, header, label, parser).read());
    }

    /** {@code data.csv, line 7, column 'petal_width' (index 3)}; {@code columnNames} null without a header. */
    static String place(DataFile file, long line, List<String> columnNames, int column) {
        return file.name() + ", line " + line + ", column "
                + (columnNames != null
                        ? "'" + columnNames.get(column) + "' (index " + column + ")"
                        : "index " + column);
    }

    /** The file's records; a file of empty lines only has none, which is an error. */
    static Iterator<CSVRecord> records(DataFile file, CSVParser parser) throws DatasetException {
        Iterator<CSVRecord> records = parser.iterator();
        if (!records.hasNext()) {
            throw new DatasetException(file.name() + ": no rows, only empty lines");
        }
        return records;
    }

    /** What reads the records of a file, each numbered by the line it ends on. */
    interface Records<T> {
        T read(CSVParser parser) throws DatasetException;
    }

    /**
     * Parses {@code file} as every CSV file nnx reads: UTF-8 (a byte-order mark skipped), cells trimmed, empty
     * lines ignored, a broken quote or encoding reported at its line.
     */
    static <T> T parse(DataFile file, Records<T> records) throws DatasetException {
        file.check();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setIgnoreSurroundingSpaces(true)
                .setTrim(true)
                .get();
        try (Reader reader = utf8(file);
                CSVParser parser =
                        CSVParser.builder().setReader(reader).setFormat(format).get()) {
            return records.read(parser);
        } catch (UncheckedIOException e) {
            throw readFailure(file, e.getCause());
        } catch (IOException e) {
            throw readFailure(file, e);
        }
    }

    /**
     * A feature cell's value, or why it has none, prefixed with {@code place} ({@code data.csv, line 7, column
     * 'petal_width' (index 3)}).
     */
    static float number(String cell, String place) throws DatasetException {
        if (cell.isEmpty()) {
            throw new DatasetException(place + ": the cell is empty; every feature needs a number");
        }
        double value;
        try {
            value = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new DatasetException(place + ": '" + cell + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new DatasetException(place + ": '" + cell + "' is not a finite number");
        }
        if (Float.isInfinite((float) value)) {
            throw new DatasetException(place + ": '" + cell + "' is too large for float32");
        }
        return (float) value;
    }

    private static DatasetException readFailure(DataFile file, IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CharacterCodingException) {
                return new DatasetException(file.name() + ": not UTF-8 text");
            }
            if (cause instanceof NulRefusingReader.NulCharacterException nul) {
                return new DatasetException(
                        file.name() + ", line " + nul.line + ": a NUL character, which a text CSV file never has");
            }
        }
        String message = String.valueOf(e.getMessage());
        // Commons CSV says where a quote goes wrong only inside its message text: take the line from there.
        Matcher unclosed = UNCLOSED_QUOTE.matcher(message);
        if (unclosed.find()) {
            return new DatasetException(file.name() + ", line " + digits(unclosed.group(1))
                    + ": a quoted value is not closed before the end of the file");
        }
        Matcher afterQuote = TEXT_AFTER_QUOTE.matcher(message);
        if (afterQuote.find()) {
            return new DatasetException(file.name() + ", line " + digits(afterQuote.group(1))
                    + ": text between a closing quote and the next comma");
        }
        return new DatasetException(file.name() + ": cannot read as CSV: " + message);
    }

    /** The number in Commons CSV's {@code %,d}, whatever the locale's grouping character. */
    private static String digits(String formatted) {
        return formatted.replaceAll("\\D", "");
    }

    /** A strict UTF-8 reader, so that a binary file or another encoding is an error, not garbled labels. */
    private static Reader utf8(DataFile file) throws DatasetException, IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader =
                new BufferedReader(new NulRefusingReader(new InputStreamReader(file.open(), decoder)), 1 << 16);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** The state of reading one file. */
    private static final class Reading {
        private final DataFile file;
        private final boolean header;
        private final String label;
        private final CSVParser parser;
        private List<String> columnNames;
        private int columns = -1;
        private int firstLine;
        private int labelColumn;

        Reading(DataFile file, boolean header, String label, CSVParser parser) {
            this.file = file;
            this.header = header;
            this.label = label;
            this.parser = parser;
        }

        CsvTable read() throws DatasetException {
            Iterator<CSVRecord> records = records(file, parser);
            if (header) {
                CSVRecord names = records.next();
                columnNames = names.toList();
                columns = columnNames.size();
                firstLine = line();
                if (!records.hasNext()) {
                    throw new DatasetException(file.name() + ": a header but no data rows");
                }
            }
            float[] values = new float[1024];
            List<String> labels = new ArrayList<>();
            int written = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                int line = line();
                if (columns < 0) {
                    columns = record.size();
                    firstLine = line;
                }
                if (record.size() != columns) {
                    throw new DatasetException(file.name() + ", line " + line + ": " + record.size()
                            + " values, but " + (header ? "the header has " : "line " + firstLine + " has ")
                            + columns);
                }
                if (labels.isEmpty()) {
                    labelColumn = labelColumn();
                }
                if (values.length - written < columns - 1) {
                    values = Arrays.copyOf(values, Math.max(values.length * 2, written + columns));
                }
                for (int column = 0; column < columns; column++) {
                    String cell = record.get(column);
                    if (column == labelColumn) {
                        if (cell.isEmpty()) {
                            throw new DatasetException(place(line, column) + ": the label is empty");
                        }
                        labels.add(cell);
                    } else {
                        values[written++] = number(cell, line, column);
                    }
                }
            }
            return new CsvTable(
                    file,
                    columnNames,
                    columns,
                    labelColumn,
                    Arrays.copyOf(values, written),
                    labels.toArray(String[]::new));
        }

        /** The line the last record ended on: the line a user finds the row on, empty lines counted. */
        private int line() {
            return (int) parser.getCurrentLineNumber();
        }

        private int labelColumn() throws DatasetException {
            if (columns < 2) {
                throw new DatasetException(file.name() + ": " + columns + " column; nnx needs a label column and"
                        + " at least one feature column");
            }
            if (label == null) {
                return columns - 1;
            }
            if (header) {
                List<Integer> named = IntStream.range(0, columns)
                        .filter(c -> columnNames.get(c).equals(label))
                        .boxed()
                        .toList();
                if (named.size() > 1) {
                    throw new DatasetException(file.name() + ": the label column '" + label + "' appears "
                            + named.size() + " times in the header (indexes "
                            + named.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")");
                }
                if (named.size() == 1) {
                    return named.get(0);
                }
            }
            int index;
            try {
                index = Integer.parseInt(label);
            } catch (NumberFormatException e) {
                throw new DatasetException(
                        header
                                ? file.name() + ": no label column '" + label + "'; the header has " + listColumns()
                                : file.name() + ": label = \"" + label
                                        + "\" must be a 0-based column index, as the file has"
                                        + " no header (header = false)");
            }
            if (index < 0 || index >= columns) {
                throw new DatasetException(file.name() + ": no label column " + (header ? "'" + label + "'" : label)
                        + "; the file has " + columns + " columns, indexes 0 to " + (columns - 1));
            }
            return index;
        }

        private String listColumns() {
            List<String> quoted = columnNames.stream()
                    .limit(LISTED_COLUMNS)
                    .map(name -> "'" + name + "'")
                    .toList();
            return String.join(", ", quoted)
                    + (columnNames.size() > LISTED_COLUMNS
                            ? " and " + (columnNames.size() - LISTED_COLUMNS) + " more"
                            : "");
        }

        private float number(String cell, int line, int column) throws DatasetException {
            return CsvTable.number(cell, place(line, column));
        }

        private String place(int line, int column) {
            return CsvTable.place(file, line, columnNames, column);
        }
    }
}
