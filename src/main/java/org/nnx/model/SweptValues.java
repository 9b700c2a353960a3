package org.nnx.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The values one run takes for an experiment's swept settings, by label ({@code learning_rate},
 * {@code optimizer.momentum}, {@code dense[2].units}, and {@code seed} with {@code repeat}), in the order the
 * experiment sweeps them. Values are kept as written in the file, so {@code 0.10} stays {@code 0.10}.
 */
public record SweptValues(Map<String, String> values) {
    public static final SweptValues NONE = new SweptValues(Map.of());

    /** The label under which a repeat's seed is swept. */
    public static final String SEED = "seed";

    public SweptValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static SweptValues of(Map<String, String> values) {
        return values.isEmpty() ? NONE : new SweptValues(values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public List<String> labels() {
        return List.copyOf(values.keySet());
    }

    public Optional<String> value(String label) {
        return Optional.ofNullable(values.get(label));
    }

    /** The value of {@code label}, or null when it is not swept. */
    public String get(String label) {
        return values.get(label);
    }

    public String getOrDefault(String label, String otherwise) {
        return values.getOrDefault(label, otherwise);
    }

    /** These values and one more, last. */
    public SweptValues with(String label, String value) {
        Map<String, String> more = new LinkedHashMap<>(values);
        more.put(label, value);
        return new SweptValues(more);
    }

    /** These values without {@code label}. */
    public SweptValues without(String label) {
        Map<String, String> fewer = new LinkedHashMap<>(values);
        fewer.remove(label);
        return of(fewer);
    }

    /** {@code learning_rate=0.1,optimizer=adam}: how a run is named. */
    public String runName() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** The values as an ordered map, label to value. */
    public Map<String, String> asMap() {
        return values;
    }
}
