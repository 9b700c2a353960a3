package org.nnx.builtins.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.nnx.spi.DatasetContext;

/** Small data files written for tests: IDX arrays, gzip, CSV text. */
final class TestFiles {
    private TestFiles() {}

    /** An IDX file of unsigned bytes with the given dimensions; {@code data} must fill them. */
    static byte[] idx(byte[] data, int... dimensions) {
        return idxWithMagic(0x00000800 | dimensions.length, data, dimensions);
    }

    static byte[] idxWithMagic(int magic, byte[] data, int... dimensions) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(magic);
            for (int dimension : dimensions) {
                out.writeInt(dimension);
            }
            out.write(data);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] plain) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
                out.write(plain);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes 0, 1, 2, ... wrapping at 256: every item differs from the next. */
    static byte[] counting(int length, int start) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (start + i * 7);
        }
        return data;
    }

    static Path write(Path directory, String name, byte[] content) {
        try {
            Path file = directory.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path directory, String name, String text) {
        return write(directory, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static DatasetContext context(Path directory, long seed) {
        return new DatasetContext(directory, seed);
    }
}
