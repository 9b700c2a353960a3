package org.nnx.model;

import java.util.Map;

/**
 * One run of an experiment.
 *
 * @param name          {@code learning_rate=0.1,optimizer=adam}, or the experiment's name when nothing varies
 * @param varying       the swept settings and the values this run takes, in the experiment's order; with
 *                      {@code repeat}, {@code seed} is among them
 * @param configuration the run's name without its seed: repeats of one configuration share it
 */
public record RunPlan(String name, Map<String, String> varying, RunConfig config, String configuration) {
    public RunPlan {
        varying = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(varying));
    }

    /** A run that is the only one of its configuration. */
    public RunPlan(String name, Map<String, String> varying, RunConfig config) {
        this(name, varying, config, name);
    }
}
