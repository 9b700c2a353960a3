package org.nnx.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnx.tensor.BlasSelection;

/**
 * A backend to measure in a child JVM, as {@code --backends} names it: {@code java}, {@code netlib-java},
 * {@code native}, {@code bundled} (the OpenBLAS in nnx's jar), {@code system} (the system's OpenBLAS), each of
 * those three as {@code NAME:N} (with N threads), or {@code auto}; what the child's environment
 * must say for it.
 *
 * @param text        as written
 * @param environment the variables to set in the child ({@code NNX_BLAS}, {@code OPENBLAS_NUM_THREADS})
 */
record BackendSpec(String text, Map<String, String> environment) {

    static BackendSpec parse(String text) {
        String mode = text;
        String threads = null;
        int colon = text.indexOf(':');
        if (colon >= 0) {
            mode = text.substring(0, colon);
            threads = text.substring(colon + 1);
            if (!List.of("native", "bundled", "system").contains(mode) || !threads.matches("[1-9][0-9]*")) {
                throw new IllegalArgumentException("backend '" + text + "': only native, bundled and system take a"
                        + " thread count, as native:1 or bundled:2");
            }
        }
        try {
            BlasSelection.Mode.parse(mode);
        } catch (BlasSelection.BlasUnavailableException e) {
            throw new IllegalArgumentException(
                    "unknown backend '" + text + "'; use java, netlib-java, native, bundled, system (each native one"
                            + " also as NAME:N) or auto");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put(BlasSelection.VARIABLE, mode);
        if (threads != null) {
            environment.put("OPENBLAS_NUM_THREADS", threads);
        }
        return new BackendSpec(text, environment);
    }
}
