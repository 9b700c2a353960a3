package org.nnx.cli;

import java.io.PrintStream;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.ObjectivePlan;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.DatasetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code nnx check FILE... [--only NAME] [--plugins DIR]...}: everything {@code run} checks, nothing trained. */
@Command(
        name = "check",
        sortOptions = false,
        description = {
            "Parse and check the files; nothing is trained.",
            "Prints the number of runs of each experiment and objective, and each experiment's model:",
            "every layer's output shape and parameters."
        })
final class CheckCommand extends Subcommand {
    @Spec
    CommandSpec spec;

    @Mixin
    FileOptions options;

    /** Accepted only to say, as soon as it is read, that it belongs to {@code run}, not that it is unknown. */
    @Option(names = "--out", hidden = true, arity = "0..1")
    void rejectOut(String ignored) {
        throw new ParameterException(spec.commandLine(), "--out is an option of 'run', not of 'check'");
    }

    CheckCommand(CommandEnvironment environment) {
        super(environment, "no .nnx file given");
    }

    @Override
    public Integer call() {
        try (LoadedPlugins plugins = environment.loadPlugins(options.pluginFolders.given)) {
            DatasetLoader datasets = new DatasetLoader(plugins.registry());
            Plans plans = options.plans(
                    Inputs.of(options.files), plugins, datasets, terminal(), environment.pluginLock(), true);
            PrintStream stdout = terminal().out();
            for (ExperimentPlan plan : plans.experiments()) {
                stdout.println(plan.name() + ": ok, " + Counts.runs(plan.runs().size()));
                ModelSummary.lines(plan, plugins.registry(), datasets).forEach(stdout::println);
            }
            for (ObjectivePlan objective : plans.objectives()) {
                stdout.println(objective.name() + ": ok, "
                        + Counts.runs(objective.runs().size()));
            }
            return ExitStatus.OK;
        }
    }
}
