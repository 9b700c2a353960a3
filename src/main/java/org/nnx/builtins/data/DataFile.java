package org.nnx.builtins.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.nnx.spi.DatasetContext;
import org.nnx.spi.DatasetException;

/**
 * A data file named in an {@code .nnx} file: the path as the user wrote it, which messages show, and the
 * file it means, resolved against the folder of the {@code .nnx} file.
 *
 * @param written  the path as written, e.g. {@code data/iris.csv}
 * @param resolved the absolute path it resolves to
 */
public record DataFile(String written, Path resolved) {

    /** Resolves {@code written} against the {@code .nnx} file's folder; an absolute path stays as it is. */
    public static DataFile of(String written, DatasetContext context) {
        Path base = context.baseDirectory() == null ? Path.of("") : context.baseDirectory();
        return new DataFile(written, base.resolve(written).toAbsolutePath().normalize());
    }

    /** A file given by its full path, as a dataset's own default folder gives it. */
    public static DataFile of(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return new DataFile(absolute.toString(), absolute);
    }

    /** The file's name in messages: the path as written. */
    public String name() {
        return written;
    }

    /**
     * Checks that the file exists, is a regular file (reading a fifo would wait forever, a device would never
     * end), is not empty, and is no larger than the memory nnx may use, which must hold what it reads.
     */
    public void check() throws DatasetException {
        if (!Files.exists(resolved)) {
            boolean asWritten = Path.of(written).isAbsolute();
            throw new DatasetException(
                    written + ": no such file" + (asWritten ? "" : " (looked for " + resolved + ")"));
        }
        if (Files.isDirectory(resolved)) {
            throw new DatasetException(written + ": is a directory, not a file");
        }
        if (!Files.isRegularFile(resolved)) {
            throw new DatasetException(written + ": is not a regular file (a device, a fifo or a socket)");
        }
        try {
            long size = Files.size(resolved);
            if (size == 0) {
                throw new DatasetException(written + ": the file is empty");
            }
            long memory = Runtime.getRuntime().maxMemory();
            if (size > memory) {
                throw new DatasetException(written + ": the file is " + (size >> 20) + " MB, more than the "
                        + (memory >> 20) + " MB of memory nnx may use (give it more with NNX_JAVA_OPTS=-Xmx…)");
            }
        } catch (IOException e) {
            throw new DatasetException(written + ": cannot read (" + reason(e) + ")");
        }
    }

    /** Why a file cannot be read, in words: the JDK's message for a denied file is only its path. */
    static String reason(IOException e) {
        return e instanceof AccessDeniedException
                ? "permission denied"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Opens the checked file for reading; the caller closes the stream. */
    public InputStream open() throws DatasetException {
        check();
        try {
            return Files.newInputStream(resolved);
        } catch (IOException e) {
            throw new DatasetException(written + ": cannot read (" + reason(e) + ")");
        }
    }
}
