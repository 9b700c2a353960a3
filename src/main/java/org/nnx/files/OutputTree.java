package org.nnx.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The folder nnx writes its results into ({@code --out}), held for one process at a time. Every path it hands
 * out lies inside the folder, every write is atomic ({@link AtomicFile}), and no symbolic link inside the tree
 * is followed: a link planted at {@code summary.csv} or {@code runs/} is refused, never written through.
 * Files that the command reads are protected: asking to write one of them is an error.
 */
public final class OutputTree implements AutoCloseable {
    /** The lock file's name, in the root. */
    public static final String LOCK_FILE = ".nnx-lock";

    private final Path root;
    private final List<Path> inputs;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private OutputTree(Path root, List<Path> inputs, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.inputs = inputs;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Creates the folder if needed, checks that nnx can write into it, and locks it against other nnx
     * processes.
     *
     * @param inputs files the command reads, which it must never write
     * @throws OutputException when the folder is not a writable folder, or another process holds it
     */
    public static OutputTree open(Path folder, List<Path> inputs) throws OutputException {
        Path root = folder.toAbsolutePath().normalize();
        if (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root)) {
            throw new OutputException(folder + " is a file, not a folder to write results into");
        }
        try {
            Files.createDirectories(root);
        } catch (FileAlreadyExistsException e) {
            throw new OutputException(folder + " is a file, not a folder to write results into");
        } catch (IOException e) {
            throw new OutputException("cannot create " + folder + ": " + reason(e));
        }
        if (!Files.isWritable(root)) {
            throw new OutputException("cannot write into " + folder + ": permission denied");
        }
        FileChannel channel = null;
        try {
            Path lockFile = root.resolve(LOCK_FILE);
            if (Files.isSymbolicLink(lockFile)) {
                throw new OutputException(lockFile + " is a symbolic link; nnx does not write through links");
            }
            channel = FileChannel.open(
                    lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new OutputException(folder + " is being written by another nnx process; wait for it to "
                        + "finish or choose another --out");
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(ProcessHandle.current().pid() + "\n"));
            List<Path> protectedInputs =
                    inputs.stream().map(p -> p.toAbsolutePath().normalize()).toList();
            removeStaleTemporaries(root);
            return new OutputTree(root, protectedInputs, channel, lock);
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new OutputException("cannot write into " + folder + ": " + reason(e));
        }
    }

    /**
     * Deletes what a writer killed between writing and renaming left behind ({@link AtomicFile}'s hidden
     * {@code .<name>.<hex>.tmp} files): with the lock held, no other process is writing them. Never follows a link.
     */
    private static void removeStaleTemporaries(Path root) throws IOException {
        List<Path> stale;
        try (var files = Files.walk(root)) {
            stale = files.filter(f -> AtomicFile.isTemporary(f.getFileName().toString()))
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .toList();
        }
        for (Path file : stale) {
            Files.deleteIfExists(file);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // This process holds it already: a second command in the same JVM, as tests run them.
            return null;
        }
    }

    public Path root() {
        return root;
    }

    /**
     * The path {@code relative} names inside the tree, its folders created, after checking that nothing on
     * the way is a symbolic link or leads outside, and that it is not one of the command's inputs.
     */
    public Path file(String... relative) throws OutputException {
        Path path = root;
        for (int i = 0; i < relative.length; i++) {
            String part = relative[i];
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("/") || part.contains("\\")) {
                throw new OutputException("'" + part + "' is not a name nnx writes under " + root);
            }
            path = path.resolve(part);
            if (Files.isSymbolicLink(path)) {
                throw new OutputException(path + " is a symbolic link; nnx does not write through links");
            }
            if (i < relative.length - 1) {
                createFolder(path);
            }
        }
        if (inputs.contains(path)) {
            throw new OutputException(path + " is one of the files this command reads; nnx will not write over it");
        }
        return path;
    }

    /** Writes {@code text} atomically to the file {@code relative} names. */
    public void writeString(String text, String... relative) throws OutputException {
        Path target = file(relative);
        try {
            AtomicFile.writeString(target, text);
        } catch (IOException e) {
            throw new OutputException("cannot write " + target + ": " + reason(e));
        }
    }

    private static void createFolder(Path folder) throws OutputException {
        try {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            throw new OutputException(folder + " is a file where nnx needs a folder");
        } catch (IOException e) {
            throw new OutputException("cannot create " + folder + ": " + reason(e));
        }
    }

    /** The reason in words: the JDK's own message for some failures is only the path. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The lock goes with the channel below, and with the process at the latest.
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing was written through it that matters.
            }
        }
    }
}
