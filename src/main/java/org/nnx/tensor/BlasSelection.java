package org.nnx.tensor;

import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the process's {@link Blas} backend once, at start-up.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>{@code NNX_BLAS=java} forces nnx's own {@link JavaBlas}; {@code NNX_BLAS=netlib-java} forces netlib's
 *       pure-Java kernels; {@code NNX_BLAS=bundled} forces the OpenBLAS bundled in nnx's jar,
 *       {@code NNX_BLAS=system} the system's, and {@code NNX_BLAS=native} whichever native one the rules below
 *       find; each fails when it does not load. Unset, empty or {@code auto} means the rules below.</li>
 *   <li>The system property {@code dev.ludovic.netlib.blas.nativeLibPath}, when set, names the native library
 *       to load.</li>
 *   <li>The OpenBLAS bundled in nnx's jar ({@link BundledOpenBlas}; Linux on x86-64), copied once into a
 *       per-user cache and loaded through netlib's JNI binding. It comes before a system OpenBLAS because it
 *       is newer and measured faster on nnx's products (docs/performance.md), and so that a machine computes
 *       the same bits whether or not a system package is installed.</li>
 *   <li>A system OpenBLAS (Debian's {@code libopenblas0-pthread} and its siblings), for the platforms nnx
 *       bundles none for, or when the bundled one cannot be written or loaded.</li>
 *   <li>Otherwise nnx's own {@link JavaBlas}, which allocates nothing. netlib's pure-Java kernels
 *       ({@code NNX_BLAS=netlib-java}) are faster on some shapes but copy their operands on every call,
 *       garbage on every training step, and their Vector API variant needs an incubator module whose warning
 *       every start would print.</li>
 * </ol>
 * Whatever failed on the way is kept as the choice's {@link Choice#note() note}, one line, which provenance and
 * {@code nnx --version} show.
 *
 * <p>OpenBLAS reads its thread count ({@code OPENBLAS_NUM_THREADS}, else {@code OMP_NUM_THREADS}, else one
 * thread a core) once, when the library loads, and netlib offers no call to change it later; so it is set
 * in the environment before Java starts: the {@code ./nnx} launcher does so. The count in force is part
 * of the backend's name, and so of every run's provenance. netlib loads one native library per process, once:
 * when the one handed to it does not load, nnx falls back to Java rather than to another native library.
 */
public final class BlasSelection {
    /** The environment variable that forces a backend. */
    public static final String VARIABLE = "NNX_BLAS";

    /** netlib's system property naming the native library to load. */
    static final String NATIVE_LIBRARY_PROPERTY = "dev.ludovic.netlib.blas.nativeLibPath";

    private static final String ALLOW_NATIVE_PROPERTY = "dev.ludovic.netlib.blas.allowNative";

    /**
     * netlib logs through java.util.logging, at INFO on success and with stack traces when a candidate fails;
     * nnx says itself which backend runs, so netlib's loggers are silenced. Held here because
     * java.util.logging keeps loggers only weakly and would forget the level.
     */
    private static final Logger NETLIB_LOGGER = Logger.getLogger("dev.ludovic.netlib");

    /** Where Debian's OpenBLAS packages put the library, best first ({@code %s} is the multiarch triple). */
    private static final List<String> OPENBLAS_CANDIDATES = List.of(
            "/usr/lib/%s/openblas-pthread/libopenblas.so.0",
            "/usr/lib/%s/openblas-openmp/libopenblas.so.0",
            "/usr/lib/%s/openblas-serial/libopenblas.so.0",
            "/usr/lib/%s/libopenblas.so.0");

    private static final Pattern OPENBLAS_VERSION = Pattern.compile("libopenblas\\w*-r(\\d+(?:\\.\\d+)*)\\.so");

    /** The backends {@code NNX_BLAS} can force. */
    public enum Mode {
        AUTO,
        JAVA,
        NETLIB_JAVA,
        NATIVE,
        BUNDLED,
        SYSTEM;

        /** Reads {@code NNX_BLAS}'s value; null or blank means {@link #AUTO}. */
        public static Mode parse(String value) {
            if (value == null || value.isBlank()) {
                return AUTO;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "java" -> JAVA;
                case "netlib-java" -> NETLIB_JAVA;
                case "native" -> NATIVE;
                case "bundled" -> BUNDLED;
                case "system" -> SYSTEM;
                default ->
                    throw new BlasUnavailableException(VARIABLE + "=" + value
                            + " is not a backend; use java, netlib-java, native, bundled, system or auto");
            };
        }
    }

    /**
     * The backend chosen and why.
     *
     * @param blas   the backend
     * @param reason one line saying why it was chosen, e.g. why native OpenBLAS was not
     * @param note   what went wrong on the way, in one line (a bundled library that could not be written, a cached
     *               copy written anew, a native library that did not load), or null when nothing did
     */
    public record Choice(Blas blas, String reason, String note) {
        public Choice(Blas blas, String reason) {
            this(blas, reason, null);
        }

        /** {@code blas}'s name, then the note when there is one: what {@code nnx --version} prints. */
        public String describe() {
            return note == null ? blas.name() : blas.name() + " (" + note + ")";
        }
    }

    /** A backend that was asked for and cannot run; the message says why and what to do. */
    public static final class BlasUnavailableException extends RuntimeException {
        public BlasUnavailableException(String message) {
            super(message);
        }
    }

    private BlasSelection() {}

    /** The choice {@link #install()} made, or null before it ran. */
    private static volatile Choice installed;

    /** Chooses by the process environment and makes the choice the process's backend. */
    public static Choice install() {
        Choice choice = choose(System.getenv());
        Blas.use(choice.blas());
        installed = choice;
        return choice;
    }

    /** The choice {@link #install()} made in this process, or null when nothing was installed. */
    public static Choice installed() {
        return installed;
    }

    /**
     * The installed choice's backend and note, or, when nothing was installed, those the environment would choose.
     *
     * @throws BlasUnavailableException as {@link #choose} does
     */
    public static String describe(Map<String, String> environment) {
        Choice choice = installed;
        return (choice != null ? choice : choose(environment)).describe();
    }

    /**
     * The note of the installed choice when {@code blas} is its backend (or a split of it over cores), else null:
     * a backend a test put in place has no note.
     */
    public static String noteFor(Blas blas) {
        Choice choice = installed;
        if (choice == null || choice.note() == null) {
            return null;
        }
        return blas == choice.blas() || blas.name().startsWith(choice.blas().name()) ? choice.note() : null;
    }

    /**
     * Chooses by the given environment ({@code NNX_BLAS} and OpenBLAS's thread variables).
     *
     * @throws BlasUnavailableException when {@code NNX_BLAS} is unknown or forces a backend that cannot run
     */
    public static Choice choose(Map<String, String> environment) {
        Mode mode = Mode.parse(environment.get(VARIABLE));
        switch (mode) {
            case JAVA:
                return new Choice(new JavaBlas(), VARIABLE + "=java");
            case NETLIB_JAVA:
                return new Choice(netlibJava(), VARIABLE + "=netlib-java");
            case NATIVE:
            case BUNDLED:
            case SYSTEM: {
                NativeAttempt attempt = loadNative(environment, mode);
                String name = mode.name().toLowerCase(Locale.ROOT);
                if (attempt.blas() == null) {
                    throw new BlasUnavailableException(VARIABLE + "=" + name + ", but " + attempt.failure());
                }
                if (mode != Mode.NATIVE && attempt.origin() != mode) {
                    throw new BlasUnavailableException(VARIABLE + "=" + name + ", but this process already loaded "
                            + attempt.blas().name());
                }
                return new Choice(attempt.blas(), VARIABLE + "=" + name, attempt.note());
            }
            default: {
                NativeAttempt attempt = loadNative(environment, Mode.AUTO);
                if (attempt.blas() != null) {
                    return new Choice(
                            attempt.blas(), "native OpenBLAS loaded from " + attempt.library(), attempt.note());
                }
                return new Choice(new JavaBlas(), attempt.failure(), attempt.failure());
            }
        }
    }

    /**
     * The system's OpenBLAS through netlib's JNI binding, or null when it is not installed or does not load.
     * Loading happens once per process; later calls return a backend over the same library.
     */
    public static NetlibBlas nativeOpenBlas() {
        return loadNative(System.getenv(), Mode.AUTO).blas();
    }

    /**
     * netlib's pure-Java kernels: its Vector API kernels when the JVM was started with
     * {@code --add-modules jdk.incubator.vector}, else its plain-Java ones. netlib sets up its native and
     * Java kernels together, once: to have both in one process, call {@link #nativeOpenBlas()} first.
     */
    public static synchronized NetlibBlas netlibJava() {
        NETLIB_LOGGER.setLevel(Level.OFF);
        boolean nativeLoaded = nativeResult != null && nativeResult.blas() != null;
        if (!nativeLoaded && System.getProperty(ALLOW_NATIVE_PROPERTY) == null) {
            // netlib picks its native and Java kernels together, once, the first time either is asked for;
            // asking for Java alone must not make its JNI stub dlopen libblas.so.3 and print why it could not.
            System.setProperty(ALLOW_NATIVE_PROPERTY, "false");
        }
        JavaBLAS blas = JavaBLAS.getInstance();
        return new NetlibBlas(blas, "netlib-java (" + blas.getClass().getSimpleName() + ")");
    }

    /**
     * The one native library this process loads, or why none.
     *
     * @param origin  {@link Mode#BUNDLED}, {@link Mode#SYSTEM}, or {@link Mode#NATIVE} for a library the system
     *                property named
     * @param note    what failed before this library was taken, or null
     * @param failure why no native library loaded, or null when one did
     */
    private record NativeAttempt(NetlibBlas blas, String library, Mode origin, String note, String failure) {}

    /** The one attempt to load a native library in this process; null until it is made. */
    private static NativeAttempt nativeResult;

    private static synchronized NativeAttempt loadNative(Map<String, String> environment, Mode mode) {
        if (nativeResult == null) {
            nativeResult = attemptNative(environment, mode);
        }
        return nativeResult;
    }

    /** A native library found and ready for netlib to load. */
    private record Candidate(String library, Mode origin, String name) {}

    private static NativeAttempt attemptNative(Map<String, String> environment, Mode mode) {
        String named = System.getProperty(NATIVE_LIBRARY_PROPERTY);
        List<String> failures = new ArrayList<>();
        Candidate candidate = null;
        if (named != null) {
            if (!Files.isReadable(Path.of(named))) {
                // Checked here because netlib's JNI stub would print its own dlopen error on stderr.
                return failed(null, "-D" + NATIVE_LIBRARY_PROPERTY + "=" + named + " names no readable file");
            }
            candidate = new Candidate(named, Mode.NATIVE, systemName(named, "", environment));
        }
        if (candidate == null && mode != Mode.SYSTEM) {
            candidate = bundled(environment, failures);
        }
        if (candidate == null && mode != Mode.BUNDLED) {
            String library = findOpenBlas();
            if (library != null) {
                candidate = new Candidate(library, Mode.SYSTEM, systemName(library, "system ", environment));
            } else {
                failures.add("no system OpenBLAS (" + String.join(", ", candidates()) + " missing)");
            }
        }
        if (candidate == null) {
            return failed(null, String.join("; ", failures));
        }
        String note = failures.isEmpty() ? null : String.join("; ", failures);
        if (!Boolean.parseBoolean(System.getProperty(ALLOW_NATIVE_PROPERTY, "true"))) {
            return failed(candidate, "native BLAS is disabled by -D" + ALLOW_NATIVE_PROPERTY + "=false");
        }
        // netlib's JNI stub would otherwise dlopen libblas.so.3, which may be the slow reference BLAS.
        System.setProperty(NATIVE_LIBRARY_PROPERTY, candidate.library());
        NETLIB_LOGGER.setLevel(Level.OFF);
        NativeBLAS loaded;
        try {
            loaded = NativeBLAS.getInstance();
        } catch (RuntimeException | LinkageError e) {
            return failed(candidate, "native OpenBLAS at " + candidate.library() + " did not load: " + rootMessage(e));
        }
        NetlibBlas blas = new NetlibBlas(loaded, candidate.name());
        String wrong = smokeTest(blas);
        if (wrong != null) {
            return failed(
                    candidate,
                    "native OpenBLAS at " + candidate.library() + " computes wrong products (" + wrong + ")");
        }
        return new NativeAttempt(blas, candidate.library(), candidate.origin(), note, null);
    }

    private static NativeAttempt failed(Candidate candidate, String failure) {
        return candidate == null
                ? new NativeAttempt(null, null, null, null, failure)
                : new NativeAttempt(null, candidate.library(), candidate.origin(), null, failure);
    }

    /**
     * The bundled OpenBLAS, copied out and its two helper libraries loaded, or null with the reason added to
     * {@code failures}.
     */
    private static Candidate bundled(Map<String, String> environment, List<String> failures) {
        BundledOpenBlas.Extracted extracted;
        try {
            extracted = BundledOpenBlas.extract(environment);
        } catch (BundledOpenBlas.Unavailable e) {
            failures.add(e.getMessage());
            return null;
        }
        List<Path> libraries = extracted.libraries();
        for (Path helper : libraries.subList(0, libraries.size() - 1)) {
            try {
                System.load(helper.toString());
            } catch (RuntimeException | LinkageError e) {
                failures.add("the bundled " + helper.getFileName() + " did not load: " + rootMessage(e));
                return null;
            }
        }
        if (extracted.note() != null) {
            failures.add(extracted.note());
        }
        int threads = openBlasThreads(environment);
        String name = "openblas " + extracted.openBlasVersion() + " (native, " + threads
                + (threads == 1 ? " thread" : " threads") + coreTypeNote(environment)
                + ", bundled: org.bytedeco:openblas "
                + extracted.version() + ")";
        return new Candidate(extracted.openBlas().toString(), Mode.BUNDLED, name);
    }

    /**
     * {@code openblas 0.3.21 (native, 1 thread, system: /usr/lib/...)}: the library, its version when known, its
     * threads, the kernels the environment chose, if it did, and where it came from.
     */
    private static String systemName(String library, String origin, Map<String, String> environment) {
        String file = library;
        try {
            file = Path.of(library).toRealPath().getFileName().toString();
        } catch (IOException | RuntimeException e) {
            // The name without a version is still right.
        }
        Matcher version = OPENBLAS_VERSION.matcher(file);
        String product = file.contains("openblas") ? "openblas" : "native blas " + file;
        if (version.find()) {
            product += " " + version.group(1);
        }
        int threads = openBlasThreads(environment);
        return product + " (native, " + threads + (threads == 1 ? " thread" : " threads") + coreTypeNote(environment)
                + ", " + (origin.isEmpty() ? "" : origin.trim() + ": ") + library + ")";
    }

    /**
     * {@code , OPENBLAS_CORETYPE=Haswell} when the environment chose OpenBLAS's kernels (a build for many CPUs
     * reads it when it loads), else nothing: other kernels round differently, so provenance says which ran.
     */
    static String coreTypeNote(Map<String, String> environment) {
        String coreType = environment.get("OPENBLAS_CORETYPE");
        return coreType == null || coreType.isBlank() ? "" : ", OPENBLAS_CORETYPE=" + coreType.trim();
    }

    /**
     * How many threads one matrix product of {@code blas} uses: OpenBLAS's count for the native library, 1 for
     * the pure-Java backends. nnx trains runs side by side only when this is 1, so that pools do not fight.
     */
    public static int threadsPerProduct(Blas blas) {
        return blas instanceof NetlibBlas && blas.name().contains("(native") ? openBlasThreads(System.getenv()) : 1;
    }

    /**
     * The thread count OpenBLAS takes from the environment when it loads: {@code OPENBLAS_NUM_THREADS}, else
     * {@code GOTO_NUM_THREADS}, else {@code OMP_NUM_THREADS}, else one a core; never more than the cores.
     */
    static int openBlasThreads(Map<String, String> environment) {
        int cores = Runtime.getRuntime().availableProcessors();
        for (String variable : List.of("OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS")) {
            String value = environment.get(variable);
            if (value != null) {
                try {
                    int threads = Integer.parseInt(value.trim());
                    if (threads > 0) {
                        return Math.min(threads, cores);
                    }
                } catch (NumberFormatException e) {
                    // OpenBLAS reads such a value as 0, that is unset; so does nnx.
                }
            }
        }
        return cores;
    }

    /** A 2×3 by 3×2 product in both precisions; null when right, else what came out. */
    private static String smokeTest(Blas blas) {
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {7, 8, 9, 10, 11, 12};
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        blas.sgemm(false, false, 2, 2, 3, 1f, a, 3, b, 2, 0f, c, 2);
        double[] cd = new double[4];
        blas.dgemm(
                false,
                true,
                2,
                2,
                3,
                1.0,
                new double[] {1, 2, 3, 4, 5, 6},
                3,
                new double[] {7, 9, 11, 8, 10, 12},
                3,
                0.0,
                cd,
                2);
        float[] expected = {58, 64, 139, 154};
        for (int i = 0; i < 4; i++) {
            if (c[i] != expected[i] || cd[i] != expected[i]) {
                return "sgemm " + Arrays.toString(c) + ", dgemm " + Arrays.toString(cd) + ", expected "
                        + Arrays.toString(expected);
            }
        }
        return null;
    }

    private static String findOpenBlas() {
        for (String candidate : candidates()) {
            if (Files.isReadable(Path.of(candidate))) {
                return candidate;
            }
        }
        return null;
    }

    private static List<String> candidates() {
        String triple = multiarch();
        List<String> paths = new ArrayList<>();
        if (triple != null) {
            for (String pattern : OPENBLAS_CANDIDATES) {
                paths.add(String.format(pattern, triple));
            }
        }
        return paths;
    }

    /** Debian's multiarch triple for this JVM, or null on a system nnx knows no OpenBLAS paths for. */
    private static String multiarch() {
        if (!System.getProperty("os.name", "").startsWith("Linux")) {
            return null;
        }
        return switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            case "riscv64" -> "riscv64-linux-gnu";
            default -> null;
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
