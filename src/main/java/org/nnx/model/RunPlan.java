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
 * @param failure       why the run fails without training, when it names a component that cannot be used
 *                      ({@code ending.jar: plugin called System.exit(3) while the file was checked}); its config is
 *                      then null. Empty for a run that trains
 */
public record RunPlan(
        String name,
        SweptValues varying,
        RunConfig config,
        String configuration,
        String settings,
        long memoryBytes,
        String failure) {
    public RunPlan {
        settings = settings == null ? "" : settings;
        configuration = configuration == null ? name : configuration;
        failure = failure == null ? "" : failure;
    }

    /** A run that trains. */
    public RunPlan(
            String name,
            SweptValues varying,
            RunConfig config,
            String configuration,
            String settings,
            long memoryBytes) {
        this(name, varying, config, configuration, settings, memoryBytes, "");
    }

    /** A run whose memory is not known. */
    public RunPlan(String name, SweptValues varying, RunConfig config, String configuration, String settings) {
        this(name, varying, config, configuration, settings, 0);
    }

    /** A run that is the only one of its configuration, with no settings text. */
    public RunPlan(String name, SweptValues varying, RunConfig config) {
        this(name, varying, config, name, "");
    }

    /** Whether the run fails without training: {@link #failure} says why. */
    public boolean fails() {
        return !failure.isEmpty();
    }
}
