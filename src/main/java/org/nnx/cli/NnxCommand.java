package org.nnx.cli;

import java.util.concurrent.Callable;
import org.nnx.plugin.SpiVersions;
import org.nnx.tensor.BlasSelection;
import org.nnx.train.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code nnx}: without a command, its usage on stderr and status 2. */
@Command(
        name = "nnx",
        versionProvider = NnxCommand.VersionLines.class,
        sortOptions = false,
        description = {
            "Neural-network experiments written down as .nnx files,",
            "trained and compared in one HTML report."
        },
        commandListHeading = "%nCommands:%n",
        footer = {
            "",
            "run, check and plugins also load the plugin jars of plugins/,",
            "of each --plugins DIR and of the folders of NNX_PLUGIN_PATH.",
            "'nnx help COMMAND' or 'nnx COMMAND --help' describes a command."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every run ran (a diverged run is a result, not a failure)",
            "1:a run failed",
            "2:a bad file or command line: nothing was trained",
            "130:interrupted by Ctrl-C; what was computed is kept"
        })
final class NnxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean helpRequested;

    @Option(
            names = {"-V", "--version"},
            versionHelp = true,
            description = "show nnx's version, the plugin SPI versions it provides and its BLAS backend, and exit")
    boolean versionRequested;

    private final Terminal terminal;

    /** Set on any command, before or after its name: {@code nnx --debug run x.nnx}, {@code nnx run x.nnx --debug}. */
    @Option(
            names = "--debug",
            scope = CommandLine.ScopeType.INHERIT,
            description = "show stack traces of failures (also NNX_DEBUG=1)")
    void debug(boolean on) {
        terminal.debug(on || terminal.debug());
    }

    NnxCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(terminal.err());
        return ExitStatus.BAD_INPUT;
    }

    /**
     * {@code nnx --version}: nnx's version, the plugin SPI versions a plugin jar may be built for, and the BLAS
     * backend runs would use, with why it is not the preferred one when it is not.
     */
    static final class VersionLines implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String blas;
            try {
                blas = BlasSelection.describe(System.getenv());
            } catch (BlasSelection.BlasUnavailableException e) {
                blas = "none: " + e.getMessage();
            }
            return new String[] {
                "nnx " + Version.current(), "plugin SPI versions " + SpiVersions.PROVIDED, "blas " + blas
            };
        }
    }
}
