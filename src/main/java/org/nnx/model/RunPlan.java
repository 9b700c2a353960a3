package org.nnx.model;

/**
 * One run of an experiment.
 *
 * @param name          {@code learning_rate=0.1,optimizer=adam}, or the experiment's name when nothing varies
 * @param varying       the swept settings and the values this run takes, in the experiment's order; with
 *                      {@code repeat}, {@code seed} is among them
 * @param config        what the run trains; null for a run read back from a report's files
 * @param configuration the run's name without its seed: repeats of one configuration share it
 * @param settings      the run's own configuration as {@code .nnx} text: the experiment's effective
 *                      configuration with every set of alternatives replaced by the value this run takes
 *                      (and its own seed); empty when not known
 * @param memoryBytes   about how much memory the run takes while it trains; 0 when not known
 */
public record RunPlan(
        String name, SweptValues varying, RunConfig config, String configuration, String settings, long memoryBytes) {
    public RunPlan {
        settings = settings == null ? "" : settings;
        configuration = configuration == null ? name : configuration;
    }

    /** A run whose memory is not known. */
    public RunPlan(String name, SweptValues varying, RunConfig config, String configuration, String settings) {
        this(name, varying, config, configuration, settings, 0);
    }

    /** A run that is the only one of its configuration, with no settings text. */
    public RunPlan(String name, SweptValues varying, RunConfig config) {
        this(name, varying, config, name, "");
    }
}
