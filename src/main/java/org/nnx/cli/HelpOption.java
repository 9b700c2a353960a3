package org.nnx.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} on every subcommand: its usage on stdout, status 0. */
final class HelpOption {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "show this help and exit")
    boolean requested;
}
