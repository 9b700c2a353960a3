package org.nnx.model;

import java.util.Map;

/**
 * One run of an experiment.
 *
 * @param name    {@code learning_rate=0.1,optimizer=adam}, or the experiment's name when nothing varies
 * @param varying the swept settings and the values this run takes, in the experiment's order
 */
public record RunPlan(String name, Map<String, String> varying, RunConfig config) {
    public RunPlan {
        varying = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(varying));
    }
}
