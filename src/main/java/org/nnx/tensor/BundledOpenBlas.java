package org.nnx.tensor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The OpenBLAS that ships inside nnx's jar ({@code org.bytedeco:openblas}, a build for every x86-64 CPU that
 * picks its kernels when it loads), made loadable: its library and the two it needs are copied out of the jar
 * into a per-user cache folder named by their checksums, once, each file written whole under a temporary name
 * and then renamed, so that runs starting together never see half a library. A cached copy whose checksum no
 * longer matches the jar's is written anew.
 *
 * <p>Only the files are prepared here; {@link BlasSelection} loads them through netlib's JNI binding, which pins
 * Java's arrays instead of copying them.
 */
final class BundledOpenBlas {
    /** Where the jar keeps the libraries for this platform. */
    private static final String RESOURCES = "org/bytedeco/openblas/linux-x86_64/";

    private static final String POM_PROPERTIES = "META-INF/maven/org.bytedeco/openblas/pom.properties";

    /**
     * In load order: each needs the ones before it. libopenblas finds libgfortran beside itself (its run path is
     * its own folder), but libgfortran has no run path, so both are loaded by path first; the dynamic linker then
     * takes them for the names libopenblas asks for. libgcc_s, which every glibc system has, is not copied.
     */
    static final List<String> LIBRARIES = List.of("libquadmath.so.0", "libgfortran.so.5", "libopenblas.so.0");

    /** The system property that names the cache folder (tests, and users whose home is read-only). */
    static final String CACHE_PROPERTY = "nnx.native.cache";

    /** The environment variable that names the cache folder. */
    static final String CACHE_VARIABLE = "NNX_NATIVE_CACHE";

    /**
     * Ready to load.
     *
     * @param libraries the copied files in {@link #LIBRARIES}' order; the last is OpenBLAS itself
     * @param version   the bundle's Maven version, e.g. {@code 0.3.31-1.5.13}
     * @param note      what happened on the way, e.g. that a corrupt cached copy was replaced; null when nothing
     */
    record Extracted(List<Path> libraries, String version, String note) {
        Path openBlas() {
            return libraries.get(libraries.size() - 1);
        }

        /** OpenBLAS's own version, {@code 0.3.31} of {@code 0.3.31-1.5.13}. */
        String openBlasVersion() {
            int dash = version.indexOf('-');
            return dash < 0 ? version : version.substring(0, dash);
        }
    }

    /** Why there is nothing to load, in one line. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private BundledOpenBlas() {}

    /**
     * Copies the bundled libraries into the cache (or finds them there, intact) and says where they are.
     *
     * @param environment for {@value #CACHE_VARIABLE}, {@code XDG_CACHE_HOME} and {@code HOME}
     * @throws Unavailable when this platform has no bundled library, the jar lacks it, or the cache cannot be
     *                     written
     */
    static Extracted extract(Map<String, String> environment) throws Unavailable {
        String platform = System.getProperty("os.name", "") + "-" + System.getProperty("os.arch", "");
        if (!System.getProperty("os.name", "").startsWith("Linux")
                || !List.of("amd64", "x86_64").contains(System.getProperty("os.arch", ""))) {
            throw new Unavailable("nnx bundles OpenBLAS for Linux on x86-64 only, not " + platform);
        }
        List<Entry> entries = new ArrayList<>();
        for (String library : LIBRARIES) {
            entries.add(entry(library));
        }
        String version = version();
        Path folder = cacheRoot(environment).resolve("openblas-" + version + "-" + key(entries));
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new Unavailable("cannot write the bundled OpenBLAS to " + folder + " (" + describe(e) + ")");
        }
        List<Path> paths = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        for (Entry entry : entries) {
            Path file = folder.resolve(entry.name());
            try {
                if (Files.exists(file) && !entry.matches(file)) {
                    replaced.add(entry.name());
                    write(entry, file);
                } else if (!Files.exists(file)) {
                    write(entry, file);
                }
            } catch (IOException | UncheckedIOException e) {
                throw new Unavailable("cannot write the bundled OpenBLAS to " + folder + " ("
                        + describe(e instanceof UncheckedIOException u ? u.getCause() : e) + ")");
            }
            paths.add(file);
        }
        String note = replaced.isEmpty()
                ? null
                : "the cached " + String.join(", ", replaced) + " in " + folder + " did not match nnx's jar and was"
                        + " copied anew";
        return new Extracted(List.copyOf(paths), version, note);
    }

    /**
     * The folder under which bundles are cached: {@value #CACHE_PROPERTY}, else {@value #CACHE_VARIABLE}, else
     * {@code $XDG_CACHE_HOME/nnx}, else {@code ~/.cache/nnx}.
     */
    static Path cacheRoot(Map<String, String> environment) {
        String property = System.getProperty(CACHE_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String variable = environment.get(CACHE_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "nnx");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "nnx");
    }

    /** One library in the jar, with the size and CRC-32 the jar records for it. */
    private record Entry(String name, URL url, long size, long crc) {
        /** Whether the cached file is this entry, byte for byte as far as its CRC-32 can tell. */
        boolean matches(Path file) throws IOException {
            if (Files.size(file) != size) {
                return false;
            }
            CRC32 checksum = new CRC32();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
                while (channel.read(buffer) >= 0) {
                    buffer.flip();
                    checksum.update(buffer);
                    buffer.clear();
                }
            }
            return checksum.getValue() == crc;
        }
    }

    private static Entry entry(String library) throws Unavailable {
        URL url = BundledOpenBlas.class.getClassLoader().getResource(RESOURCES + library);
        if (url == null) {
            throw new Unavailable("nnx's jar holds no bundled OpenBLAS (" + RESOURCES + library + " is missing)");
        }
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar
                    && jar.getJarEntry().getCrc() >= 0
                    && jar.getJarEntry().getSize() >= 0) {
                return new Entry(
                        library,
                        url,
                        jar.getJarEntry().getSize(),
                        jar.getJarEntry().getCrc());
            }
            // Not in a jar (an unpacked class path): read it once for its checksum.
            CRC32 checksum = new CRC32();
            long size;
            try (InputStream in = new CheckedInputStream(connection.getInputStream(), checksum)) {
                size = in.transferTo(OutputStream.nullOutputStream());
            }
            return new Entry(library, url, size, checksum.getValue());
        } catch (IOException e) {
            throw new Unavailable("cannot read the bundled " + library + " from nnx's jar (" + describe(e) + ")");
        }
    }

    /** Copies the entry beside its place under a temporary name, checks it, then renames it into place. */
    private static void write(Entry entry, Path file) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + entry.name() + ".", ".part");
        try {
            try (InputStream in = entry.url().openStream()) {
                Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            if (!entry.matches(temporary)) {
                throw new IOException("the copy of " + entry.name() + " does not match nnx's jar");
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The bundle's Maven version from the jar's pom.properties, or {@code unknown}. */
    private static String version() {
        try (InputStream in = BundledOpenBlas.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            // The version only names things.
        }
        return "unknown";
    }

    /** The first 12 hex digits of a SHA-256 over the libraries' names, sizes and CRC-32s. */
    private static String key(List<Entry> entries) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Entry entry : entries) {
                digest.update((entry.name() + ":" + entry.size() + ":" + entry.crc() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs) {
            // The file is named already; say what went wrong with it.
            return fs.getReason() != null
                    ? fs.getReason()
                    : fs.getClass()
                                    .getSimpleName()
                                    .replaceFirst("Exception$", "")
                                    .replaceAll("([a-z])([A-Z])", "$1 $2")
                                    .toLowerCase(Locale.ROOT)
                            + ": " + fs.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
