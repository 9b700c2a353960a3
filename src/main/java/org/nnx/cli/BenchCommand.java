package org.nnx.cli;

import java.util.ArrayList;
import java.util.List;
import org.nnx.bench.BenchOptions;
import org.nnx.bench.Benchmark;
import org.nnx.plugin.Registries;
import org.nnx.spi.DatasetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code nnx bench ...}: the arguments go as they are to {@link BenchOptions#parse}, which owns bench's
 * options; this class only documents them for {@code --help}.
 */
@Command(
        name = "bench",
        synopsisHeading = "Usage:%n",
        customSynopsis = BenchOptions.USAGE,
        usageHelpWidth = 100,
        description = {
            "Time the reference models' training, in this JVM or in child JVMs; or the zoo's, beside PyTorch and numpy.",
            "",
            "  --model small|big|both  the reference models to train (default: both)",
            "  --epochs N              epochs for every model (default: small 5, big 3)",
            "  --repeat N              measure each model and trainer N times; the table shows median and range",
            "  --backends LIST         measure each in a child JVM: java, netlib-java, native, bundled, system",
            "                          (each native one also as NAME:N, N OpenBLAS threads), auto",
            "  --side-by-side N        train N independent runs at once, one thread each, their samples/s summed",
            "  --peers                 run the numpy peer too",
            "  --peer-dir DIR          the folder of peer_numpy.py (default: ../shared/bench beside nnx)",
            "  --python PATH           the python3 that runs the peer (default: /usr/bin/python3)",
            "  --peer-threads N        OpenBLAS threads for numpy (default: numpy's own)",
            "  --data DIR              the Fashion-MNIST folder",
            "  --seed N                the first run's seed (default: 1)",
            "  --cores 1|2             the cores a lone run may use (default: all)",
            "  --gemm                  time the backend's matrix products on the models' shapes instead",
            "  --phases                time each part of a training step instead",
            "  --steps N               the steps --phases times (default: 2000)",
            "  --zoo                   train experiments/zoo/*.nnx (or --model's files) with nnx, PyTorch and numpy",
            "  --zoo-peer FILE         the zoo's peer script (default: bench/pytorch_zoo.py)",
            "  --zoo-threads N         threads of each zoo peer (default: 1, PyTorch's best on 2 cores)"
        })
final class BenchCommand extends Subcommand {
    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> arguments = new ArrayList<>();

    BenchCommand(CommandEnvironment environment) {
        super(environment, null);
    }

    @Override
    public Integer call() {
        BenchOptions options;
        try {
            options = BenchOptions.parse(arguments, Benchmark.repository());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        environment.prepareBlas();
        environment.stop().trainingStarts();
        Terminal terminal = terminal();
        try {
            int status = new Benchmark(terminal().out(), terminal().err(), Registries.builtins(), environment.stop())
                    .run(options);
            if (environment.stop().requested()) {
                return ExitStatus.INTERRUPTED;
            }
            return status == 0 ? ExitStatus.OK : ExitStatus.RUN_FAILED;
        } catch (DatasetException e) {
            throw new CommandFailure(ExitStatus.BAD_INPUT, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.INTERRUPTED;
        }
    }
}
