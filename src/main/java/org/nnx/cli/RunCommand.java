package org.nnx.cli;

import java.nio.file.Path;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.DatasetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nnx run FILE... [--out DIR] [--only NAME] [--plugins DIR]...}. */
@Command(
        name = "run",
        sortOptions = false,
        description = {
            "Train every experiment and minimize every objective in the files.",
            "Each writes its report (index.html, CSVs) to a folder of its name under --out."
        })
final class RunCommand extends Subcommand {
    @Mixin
    FileOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "where the reports go (default: reports)")
    Path out = Path.of("reports");

    @Option(
            names = "--resume",
            description = "go on from what an interrupted run left in --out: ended runs stand, stopped or killed"
                    + " ones continue from their last checkpoint, the others start")
    boolean resume;

    RunCommand(CommandEnvironment environment) {
        super(environment, "no .nnx file given");
    }

    @Override
    public Integer call() {
        Inputs inputs = Inputs.of(options.files);
        try (LoadedPlugins plugins = environment.loadPlugins(options.pluginFolders.given)) {
            DatasetLoader datasets = new DatasetLoader(plugins.registry());
            Plans plans = options.plans(inputs, plugins, datasets, terminal());
            environment.prepareBlas();
            return new Training(environment, plugins.registry(), datasets, out)
                    .resuming(resume)
                    .isolating(new WorkerRuns(
                            plugins.registry(),
                            plugins.directories(),
                            environment.pluginLock(),
                            environment.choosesBlas(),
                            environment.stop(),
                            environment.terminal()))
                    .run(plans, inputs.files(), inputs.indexTitle());
        }
    }
}
