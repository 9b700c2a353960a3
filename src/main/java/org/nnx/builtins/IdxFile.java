package org.nnx.builtins;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.nnx.spi.DatasetException;

/**
 * An array of unsigned bytes in MNIST's IDX format: a magic number {@code 0x0000 08 R} (unsigned byte
 * data of rank R), R big-endian dimensions, then the bytes row-major. Plain or gzip-compressed.
 *
 * @param dimensions the sizes of the R axes; the first counts the items
 * @param data       the values as stored, one byte each (read as unsigned)
 */
public record IdxFile(int[] dimensions, byte[] data) {

    private static final int UNSIGNED_BYTE = 0x08;

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

    /**
     * Reads an IDX stream, detecting gzip by its magic bytes.
     *
     * @param name how messages name the source, e.g. a file path
     */
    public static IdxFile read(InputStream raw, String name) throws DatasetException {
        try (InputStream buffered = new BufferedInputStream(raw, 1 << 16)) {
            buffered.mark(2);
            int first = buffered.read();
            int second = buffered.read();
            buffered.reset();
            InputStream in = first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
            return readIdx(new DataInputStream(in), name);
        } catch (ZipException e) {
            throw new DatasetException(name + ": corrupt gzip data (" + e.getMessage() + ")");
        } catch (EOFException e) {
            throw new DatasetException(name + ": the file ends early; it is truncated");
        } catch (IOException e) {
            throw new DatasetException(name + ": cannot read (" + e.getMessage() + ")");
        }
    }

    private static IdxFile readIdx(DataInputStream in, String name) throws IOException, DatasetException {
        int magic = in.readInt();
        int type = (magic >>> 8) & 0xFF;
        int rank = magic & 0xFF;
        if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1) {
            throw new DatasetException(String.format(
                    "%s: not an IDX file of unsigned bytes: magic number 0x%08X, expected 0x000008NN", name, magic));
        }
        int[] dimensions = new int[rank];
        long size = 1;
        for (int i = 0; i < rank; i++) {
            dimensions[i] = in.readInt();
            if (dimensions[i] < 0) {
                throw new DatasetException(name + ": dimension " + (i + 1) + " is negative (" + dimensions[i] + ")");
            }
            size *= dimensions[i];
            if (size > Integer.MAX_VALUE - 8) {
                throw new DatasetException(name + ": dimensions " + Arrays.toString(dimensions) + " are too large");
            }
        }
        byte[] data = new byte[(int) size];
        in.readFully(data);
        return new IdxFile(dimensions, data);
    }
}
