package org.nnx.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import org.nnx.plugin.Registries.LoadedPlugins;
import org.nnx.registry.DatasetLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nnx run FILE... [--out DIR] [--only NAME] [--plugins DIR]... [--engine spark [--master URL] [--conf K=V]...]}. */
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

    @Option(
            names = "--engine",
            paramLabel = "NAME",
            description = "where the runs train: local (default), or spark, each run a Spark task")
    String engine = RunEngine.LOCAL;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "with --engine spark: local[*] (default, Spark in this process), spark://HOST:PORT, yarn,"
                    + " k8s://...")
    String master;

    @Option(
            names = "--conf",
            paramLabel = "KEY=VALUE",
            description = "with --engine spark: a Spark setting, e.g. spark.executor.memory=2g (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    RunCommand(CommandEnvironment environment) {
        super(environment, "no .nnx file given");
    }

    @Override
    public Integer call() {
        Inputs inputs = Inputs.of(options.files);
        try (LoadedPlugins plugins = environment.loadPlugins(options.pluginFolders.given)) {
            DatasetLoader datasets = new DatasetLoader(plugins.registry());
            Plans plans = options.plans(inputs, plugins, datasets, terminal(), environment.pluginLock(), false);
            environment.prepareBlas();
            try (RunEngine.Runs runs = startEngine(plugins)) {
                return new Training(environment, plugins.registry(), datasets, out)
                        .resuming(resume)
                        .on(runs)
                        .run(plans, inputs.files(), inputs.indexTitle());
            }
        }
    }

    /** The engine {@code --engine} names, started; a usage error (status 2) when it cannot start. */
    private RunEngine.Runs startEngine(LoadedPlugins plugins) {
        RunEngine.Settings settings = new RunEngine.Settings(
                Optional.ofNullable(master),
                conf,
                plugins.directories(),
                environment.pluginLock(),
                environment.choosesBlas(),
                environment.stop(),
                terminal().out());
        try {
            return chosenEngine(plugins).start(settings);
        } catch (RunEngine.Unavailable e) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, e.getMessage());
        }
    }

    private RunEngine chosenEngine(LoadedPlugins plugins) {
        if (engine.equals(RunEngine.LOCAL)) {
            return new LocalEngine(plugins.registry(), terminal());
        }
        Optional<RunEngine> found;
        try {
            found = RunEngine.named(engine);
        } catch (ServiceConfigurationError | LinkageError e) {
            found = Optional.empty();
        }
        return found.orElseThrow(() -> new CommandFailure(
                ExitStatus.BAD_INPUT,
                "--engine " + engine + ": "
                        + (engine.equals("spark")
                                ? "nnx's Spark module is not on the class path: start nnx as ./nnx run ... --engine"
                                        + " spark, which builds it (spark/) and runs with Spark"
                                : "no such engine; the engines are local and spark")));
    }
}
