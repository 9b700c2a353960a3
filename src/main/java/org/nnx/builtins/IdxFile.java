package org.nnx.builtins;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.nnx.spi.DatasetException;

/**
 * An array of unsigned bytes in MNIST's IDX format: a magic number {@code 0x0000 08 R} (unsigned byte
 * data of rank R), R big-endian dimensions, then the bytes row-major. Plain or gzip-compressed; gzip is
 * recognised by its first two bytes, not by the file name.
 *
 * <p>Every way a file can be wrong is a {@link DatasetException} that names the source and the place:
 * the magic number, the byte where the data ends, the byte count the dimensions need.
 *
 * @param dimensions the sizes of the R axes; the first counts the items
 * @param data       the values as stored, one byte each (read as unsigned)
 */
public record IdxFile(int[] dimensions, byte[] data) {

    private static final int UNSIGNED_BYTE = 0x08;
    /** IDX's other element types, named so a float file is told apart from a file that is not IDX at all. */
    private static final Map<Integer, String> OTHER_TYPES =
            Map.of(0x09, "signed byte", 0x0B, "short", 0x0C, "int", 0x0D, "float", 0x0E, "double");

    /** The number of items: the first dimension. */
    public int count() {
        return dimensions[0];
    }

    /** The bytes of one item: the product of all dimensions after the first. */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dimensions.length; i++) {
            size *= dimensions[i];
        }
        return size;
    }

    /** The dimensions as a user reads them: {@code 60000×28×28}. */
    public String shape() {
        return shape(dimensions, dimensions.length);
    }

    private static String shape(int[] dimensions, int rank) {
        return Arrays.stream(dimensions, 0, rank).mapToObj(Integer::toString).collect(Collectors.joining("×"));
    }

    /**
     * Reads an IDX stream, detecting gzip by its magic bytes, and closes it.
     *
     * @param name how messages name the source, e.g. a file path
     */
    public static IdxFile read(InputStream raw, String name) throws DatasetException {
        try (InputStream buffered = new BufferedInputStream(raw, 1 << 16)) {
            buffered.mark(2);
            int first = buffered.read();
            int second = buffered.read();
            buffered.reset();
            if (first < 0) {
                throw new DatasetException(name + ": the file is empty");
            }
            boolean gzip = first == 0x1f && second == 0x8b;
            CountingReader reader = new CountingReader(name, gzip);
            try (InputStream in = gzip ? new GZIPInputStream(buffered, 1 << 16) : buffered) {
                reader.in = in;
                return reader.readIdx();
            } catch (ZipException e) {
                throw new DatasetException(name + ": corrupt gzip data after " + reader.position
                        + " decompressed bytes (" + e.getMessage() + ")");
            } catch (EOFException e) {
                // GZIPInputStream's own way of saying the compressed data stops before its end.
                throw new DatasetException(
                        name + ": truncated gzip data: it ends after " + reader.position + " decompressed bytes");
            }
        } catch (IOException e) {
            throw new DatasetException(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    /** Reads the header and data, counting bytes so that a short file says where it ends. */
    private static final class CountingReader {
        private final String name;
        private final boolean gzip;
        private InputStream in;
        private long position;

        CountingReader(String name, boolean gzip) {
            this.name = name;
            this.gzip = gzip;
        }

        IdxFile readIdx() throws IOException, DatasetException {
            int magic = readHeaderInt();
            int type = (magic >>> 8) & 0xFF;
            int rank = magic & 0xFF;
            if ((magic >>> 16) == 0 && OTHER_TYPES.containsKey(type)) {
                throw new DatasetException(String.format(
                        "%s: IDX data of type 0x%02X (%s) is not supported; nnx reads unsigned bytes (type 0x08)",
                        name, type, OTHER_TYPES.get(type)));
            }
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1) {
                throw new DatasetException(String.format(
                        "%s: not an IDX file: magic number 0x%08X, expected 0x00000801 to 0x000008FF"
                                + " (unsigned bytes of rank 1 to 255)",
                        name, magic));
            }
            int[] dimensions = new int[rank];
            long size = 1;
            for (int i = 0; i < rank; i++) {
                dimensions[i] = readHeaderInt();
                if (dimensions[i] < 0) {
                    throw new DatasetException(
                            name + ": dimension " + (i + 1) + " is negative (" + dimensions[i] + ")");
                }
                size *= dimensions[i];
                if (size > Integer.MAX_VALUE - 8) {
                    throw new DatasetException(
                            name + ": dimensions " + shape(dimensions, i + 1) + " are too large for one array");
                }
            }
            if (dimensions[0] == 0) {
                throw new DatasetException(name + ": holds no items (dimensions " + shape(dimensions, rank) + ")");
            }
            long headerBytes = position;
            byte[] data = new byte[(int) size];
            int filled = 0;
            while (filled < data.length) {
                int n = in.read(data, filled, data.length - filled);
                if (n < 0) {
                    throw new DatasetException(name + ": truncated: dimensions " + shape(dimensions, rank) + " need "
                            + data.length + " data bytes, the " + (gzip ? "decompressed data has " : "file has ")
                            + filled);
                }
                filled += n;
                position = headerBytes + filled;
            }
            long extra = in.transferTo(OutputStream.nullOutputStream());
            if (extra > 0) {
                throw new DatasetException(name + ": " + extra + " bytes follow the " + data.length
                        + " data bytes that dimensions " + shape(dimensions, rank) + " describe");
            }
            return new IdxFile(dimensions, data);
        }

        private int readHeaderInt() throws IOException, DatasetException {
            int value = 0;
            for (int i = 0; i < 4; i++) {
                int b = in.read();
                if (b < 0) {
                    throw new DatasetException(name + ": truncated: the " + (gzip ? "decompressed data" : "file")
                            + " ends inside the IDX header, after " + position + " bytes");
                }
                value = (value << 8) | b;
                position++;
            }
            return value;
        }
    }
}
