package org.nnx.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a run ran on, as the report's provenance section shows it: nnx's version, the JDK, the BLAS
 * backend, the dataset and its SHA-256, the seed, and which jar supplied each plugin component, each a
 * {@code key → value} in the order they were recorded.
 */
public record Provenance(Map<String, String> entries) {
    public static final Provenance NONE = new Provenance(Map.of());

    public Provenance {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /** The value recorded under {@code key}, or null. */
    public String get(String key) {
        return entries.get(key);
    }

    public String getOrDefault(String key, String otherwise) {
        return entries.getOrDefault(key, otherwise);
    }

    public Set<String> keys() {
        return entries.keySet();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
