package org.nnx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenBLAS in nnx's jar: copied out once, checked, copied anew when damaged, and refused where it cannot go. */
class BundledOpenBlasTest {
    private static final boolean LINUX_X86_64 =
            System.getProperty("os.name", "").startsWith("Linux")
                    && List.of("amd64", "x86_64").contains(System.getProperty("os.arch", ""));

    @TempDir
    Path cache;

    private Map<String, String> environment() {
        return Map.of(BundledOpenBlas.CACHE_VARIABLE, cache.toString());
    }

    @Test
    void theLibrariesAreCopiedIntoAFolderNamedByVersionAndChecksumOnce() throws Exception {
        assumeTrue(LINUX_X86_64, "nnx bundles OpenBLAS for Linux on x86-64");
        BundledOpenBlas.Extracted first = BundledOpenBlas.extract(environment());
        assertNull(first.note());
        assertEquals("0.3.31-1.5.13", first.version());
        assertEquals("0.3.31", first.openBlasVersion());
        assertEquals(
                List.of("libquadmath.so.0", "libgfortran.so.5", "libopenblas.so.0"),
                first.libraries().stream().map(p -> p.getFileName().toString()).toList());
        Path folder = first.openBlas().getParent();
        assertEquals(cache, folder.getParent());
        assertTrue(
                folder.getFileName().toString().matches("openblas-0\\.3\\.31-1\\.5\\.13-[0-9a-f]{12}"),
                folder.toString());
        long modified = Files.getLastModifiedTime(first.openBlas()).toMillis();
        try (var files = Files.list(folder)) {
            assertEquals(3, files.count(), "no temporary file is left behind");
        }

        BundledOpenBlas.Extracted again = BundledOpenBlas.extract(environment());
        assertEquals(first, again);
        assertEquals(modified, Files.getLastModifiedTime(again.openBlas()).toMillis(), "an intact copy is kept");
    }

    @Test
    void aDamagedCachedCopyIsCopiedAnewAndSaidSo() throws Exception {
        assumeTrue(LINUX_X86_64, "nnx bundles OpenBLAS for Linux on x86-64");
        BundledOpenBlas.Extracted first = BundledOpenBlas.extract(environment());
        Path quadmath = first.libraries().get(0);
        byte[] intact = Files.readAllBytes(quadmath);
        byte[] damaged = intact.clone();
        damaged[damaged.length / 2] ^= 0x5a;
        Files.write(quadmath, damaged);

        BundledOpenBlas.Extracted again = BundledOpenBlas.extract(environment());
        assertEquals(
                "the cached libquadmath.so.0 in " + quadmath.getParent()
                        + " did not match nnx's jar and was copied anew",
                again.note());
        assertArrayEquals(intact, Files.readAllBytes(quadmath));
    }

    @Test
    void aCacheThatCannotBeWrittenIsOneLineSayingWhere() throws IOException {
        assumeTrue(LINUX_X86_64, "nnx bundles OpenBLAS for Linux on x86-64");
        Path file = Files.writeString(cache.resolve("a-file"), "not a folder");
        Map<String, String> environment =
                Map.of(BundledOpenBlas.CACHE_VARIABLE, file.resolve("nnx").toString());
        var error = assertThrows(BundledOpenBlas.Unavailable.class, () -> BundledOpenBlas.extract(environment));
        assertTrue(
                error.getMessage().startsWith("cannot write the bundled OpenBLAS to " + file.resolve("nnx")),
                error.getMessage());
        assertEquals(1, error.getMessage().lines().count());
    }

    @Test
    void anotherPlatformIsToldThatNnxBundlesNoneForIt() {
        String arch = System.getProperty("os.arch");
        System.setProperty("os.arch", "riscv64");
        try {
            var error = assertThrows(BundledOpenBlas.Unavailable.class, () -> BundledOpenBlas.extract(environment()));
            assertTrue(
                    error.getMessage().startsWith("nnx bundles OpenBLAS for Linux on x86-64 only, not "),
                    error.getMessage());
            assertTrue(error.getMessage().endsWith("-riscv64"), error.getMessage());
        } finally {
            System.setProperty("os.arch", arch);
        }
    }

    @Test
    void theCacheFolderFollowsTheVariableThenXdgThenHome() {
        assertEquals(Path.of("/x"), BundledOpenBlas.cacheRoot(Map.of(BundledOpenBlas.CACHE_VARIABLE, "/x")));
        assertEquals(Path.of("/xdg", "nnx"), BundledOpenBlas.cacheRoot(Map.of("XDG_CACHE_HOME", "/xdg")));
        assertEquals(Path.of(System.getProperty("user.home"), ".cache", "nnx"), BundledOpenBlas.cacheRoot(Map.of()));
    }

    @Test
    void forcingTheBundledBackendLoadsItAndNamesItsOrigin() {
        assumeTrue(LINUX_X86_64, "nnx bundles OpenBLAS for Linux on x86-64");
        BlasSelection.Choice choice;
        try {
            choice = BlasSelection.choose(Map.of("NNX_BLAS", "bundled", "OPENBLAS_NUM_THREADS", "1"));
        } catch (BlasSelection.BlasUnavailableException e) {
            // This test JVM loaded another native library first (netlib loads one a process).
            assumeTrue(false, e.getMessage());
            return;
        }
        assertInstanceOf(NetlibBlas.class, choice.blas());
        assertEquals(
                "openblas 0.3.31 (native, 1 thread, bundled: org.bytedeco:openblas 0.3.31-1.5.13)",
                choice.blas().name());
        float[] c = new float[4];
        choice.blas()
                .sgemm(
                        false,
                        false,
                        2,
                        2,
                        3,
                        1f,
                        new float[] {1, 2, 3, 4, 5, 6},
                        3,
                        new float[] {7, 8, 9, 10, 11, 12},
                        2,
                        0f,
                        c,
                        2);
        assertArrayEquals(new float[] {58, 64, 139, 154}, c);
        assertNotEquals(null, choice.reason());
    }
}
