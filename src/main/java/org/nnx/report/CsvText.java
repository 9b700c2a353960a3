package org.nnx.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.nnx.files.AtomicFile;

/** The CSV dialect of nnx's files and a reader that knows each record's line, for error messages. */
final class CsvText {
    /**
     * RFC 4180 quoting, but {@code \n} line ends: the files are diffed and grepped more often than opened
     * on Windows, and every spreadsheet reads both.
     */
    static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    /** One record with the 1-based line it starts on. */
    record Line(long number, List<String> fields) {}

    /** Writes CSV text to {@code out}. */
    @FunctionalInterface
    interface Writer {
        void write(Appendable out) throws IOException;
    }

    private CsvText() {}

    /** The characters that make a spreadsheet read a cell as a formula; {@code '} escapes them. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    /**
     * A cell as nnx writes it: text that a spreadsheet would run as a formula ({@code =HYPERLINK(…)} in a
     * description) gets a leading {@code '}, which spreadsheets show as text; so does text that already starts
     * with one, so that {@link #unescape} gives back exactly what was written. Numbers, {@code -0.5} included,
     * are left as they are.
     */
    static String escape(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = FORMULA_STARTS.indexOf(first) >= 0 && !isNumber(cell);
        return formula || first == '\'' ? "'" + cell : cell;
    }

    /** The cell {@link #escape} was given. */
    static String unescape(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    private static boolean isNumber(String cell) {
        try {
            Numbers.parse(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Prints one record, each cell escaped. */
    static void print(CSVPrinter printer, Iterable<String> cells) throws IOException {
        List<String> escaped = new ArrayList<>();
        for (String cell : cells) {
            escaped.add(escape(cell));
        }
        printer.printRecord(escaped);
    }

    /** Prints one record, each cell escaped. */
    /** Writes {@code facts} atomically to {@code file} as a two-column CSV, {@code key,value}, in their order. */
    static void writeFacts(Path file, Map<String, String> facts) throws IOException {
        AtomicFile.writeText(file, out -> {
            CSVPrinter printer = new CSVPrinter(out, FORMAT);
            print(printer, "key", "value");
            for (Map.Entry<String, String> fact : facts.entrySet()) {
                print(printer, fact.getKey(), fact.getValue());
            }
            printer.flush();
        });
    }

    static void print(CSVPrinter printer, String... cells) throws IOException {
        print(printer, List.of(cells));
    }

    /**
     * A file nnx wrote, read as UTF-8. A file that is not text fails with its path and the offset of the first
     * byte that is not UTF-8, not with the decoder's own words.
     */
    static Reader open(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            long line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new CsvFormatException(
                    file.toString(),
                    line,
                    "not UTF-8 text (byte " + in.position() + " of the file is not part of a character)");
        }
        out.flip();
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == 0) {
                throw new CsvFormatException(
                        file.toString(), 0, "not text (a NUL character at byte offset about " + i + ")");
            }
        }
        return new StringReader(out.toString());
    }

    /** What {@code writer} writes, as a string. */
    static String toText(Writer writer) {
        StringBuilder text = new StringBuilder();
        try {
            writer.write(text);
        } catch (IOException e) {
            throw new AssertionError("a StringBuilder does not fail", e);
        }
        return text.toString();
    }

    /** Fails unless {@code line} has {@code count} fields, as many as the header of {@code source}. */
    static void requireFields(Line line, int count, String source) throws CsvFormatException {
        if (line.fields().size() != count) {
            throw new CsvFormatException(
                    source,
                    line.number(),
                    "expected " + count + " fields as in the header, found "
                            + line.fields().size());
        }
    }

    /** The number in {@code field}, of the column {@code column} of a line of {@code source}. */
    static double number(String field, String column, String source, long line) throws CsvFormatException {
        try {
            return Numbers.parse(field);
        } catch (NumberFormatException e) {
            throw new CsvFormatException(source, line, column + " '" + field + "' is not a number");
        }
    }

    /**
     * All records of {@code in}, header included, each with its line number.
     *
     * @param source the file name to put into error messages
     * @throws CsvFormatException when the text is not valid CSV (an unterminated quote, say)
     */
    static List<Line> readLines(Reader in, String source) throws IOException {
        // Read everything first: Commons CSV reports a record's character position, not its line, and
        // counting newlines in the text is the only way to get the line right when quoted fields span lines.
        String text = readFully(in);
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            long line = 1;
            int scanned = 0;
            try {
                for (CSVRecord record : parser) {
                    int start = (int) record.getCharacterPosition();
                    for (; scanned < start && scanned < text.length(); scanned++) {
                        if (text.charAt(scanned) == '\n') {
                            line++;
                        }
                    }
                    lines.add(new Line(
                            line, record.stream().map(CsvText::unescape).toList()));
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                // Commons CSV's iterator wraps parse errors; the message already says what is wrong.
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new CsvFormatException(
                        source, parser.getCurrentLineNumber() + 1, "not valid CSV: " + cause.getMessage());
            }
        }
        return lines;
    }

    private static String readFully(Reader in) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        // A byte-order mark would otherwise become part of the first column's name.
        if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
            text.deleteCharAt(0);
        }
        return text.toString();
    }
}
