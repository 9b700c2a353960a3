package org.nnx.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules that choose a backend, whichever backends this machine has. */
class BlasSelectionTest {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Test
    void nnxBlasJavaForcesJavaBlas() {
        BlasSelection.Choice choice = BlasSelection.choose(Map.of("NNX_BLAS", "java"));
        assertInstanceOf(JavaBlas.class, choice.blas());
        assertEquals("java", choice.blas().name());
    }

    @Test
    void modeNamesAreReadLeniently() {
        assertEquals(BlasSelection.Mode.AUTO, BlasSelection.Mode.parse(null));
        assertEquals(BlasSelection.Mode.AUTO, BlasSelection.Mode.parse(" "));
        assertEquals(BlasSelection.Mode.NATIVE, BlasSelection.Mode.parse(" Native "));
        assertEquals(BlasSelection.Mode.NETLIB_JAVA, BlasSelection.Mode.parse("netlib-java"));
        assertEquals(BlasSelection.Mode.BUNDLED, BlasSelection.Mode.parse("Bundled"));
        assertEquals(BlasSelection.Mode.SYSTEM, BlasSelection.Mode.parse("system"));
    }

    @Test
    void anUnknownBackendIsAnErrorThatListsTheChoices() {
        var error = assertThrows(
                BlasSelection.BlasUnavailableException.class, () -> BlasSelection.choose(Map.of("NNX_BLAS", "mkl")));
        assertTrue(
                error.getMessage().contains("java, netlib-java, native, bundled, system or auto"), error.getMessage());
    }

    @Test
    void autoTakesNativeOpenBlasWhenItLoadsElseSaysWhyNot() {
        BlasSelection.Choice choice = BlasSelection.choose(Map.of());
        if (BlasSelection.nativeOpenBlas() != null) {
            assertInstanceOf(NetlibBlas.class, choice.blas());
            assertTrue(choice.blas().name().contains("(native, "), choice.blas().name());
        } else {
            assertInstanceOf(JavaBlas.class, choice.blas());
            assertTrue(choice.reason().contains("native OpenBLAS"), choice.reason());
        }
    }

    @Test
    void forcingNativeFailsLoudlyOnlyWhenItCannotLoad() {
        if (BlasSelection.nativeOpenBlas() != null) {
            assertInstanceOf(
                    NetlibBlas.class,
                    BlasSelection.choose(Map.of("NNX_BLAS", "native")).blas());
        } else {
            var error = assertThrows(
                    BlasSelection.BlasUnavailableException.class,
                    () -> BlasSelection.choose(Map.of("NNX_BLAS", "native")));
            assertTrue(error.getMessage().startsWith("NNX_BLAS=native, but "), error.getMessage());
        }
    }

    @Test
    void openBlasThreadsFollowOpenBlasOwnRules() {
        assertEquals(1, BlasSelection.openBlasThreads(Map.of("OPENBLAS_NUM_THREADS", "1", "OMP_NUM_THREADS", "2")));
        assertEquals(1, BlasSelection.openBlasThreads(Map.of("OMP_NUM_THREADS", "1")));
        assertEquals(1, BlasSelection.openBlasThreads(Map.of("GOTO_NUM_THREADS", "1", "OMP_NUM_THREADS", "2")));
        assertEquals(CORES, BlasSelection.openBlasThreads(Map.of()));
        assertEquals(CORES, BlasSelection.openBlasThreads(Map.of("OPENBLAS_NUM_THREADS", "lots")));
        assertEquals(CORES, BlasSelection.openBlasThreads(Map.of("OPENBLAS_NUM_THREADS", "4096")));
    }

    @Test
    void provenanceNamesTheKernelsTheEnvironmentChose() {
        assertEquals(
                ", OPENBLAS_CORETYPE=Haswell", BlasSelection.coreTypeNote(Map.of("OPENBLAS_CORETYPE", " Haswell")));
        assertEquals("", BlasSelection.coreTypeNote(Map.of("OPENBLAS_CORETYPE", " ")));
        assertEquals("", BlasSelection.coreTypeNote(Map.of()));
    }
}
