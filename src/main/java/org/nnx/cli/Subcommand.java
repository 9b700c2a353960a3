package org.nnx.cli;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A command under {@code nnx}: what it runs with, and the line it says when its required arguments are
 * missing. Its {@code -h}/{@code --help} is added by {@link Cli}, after the command's own options.
 */
abstract class Subcommand implements Callable<Integer> {
    final CommandEnvironment environment;
    private final String whenNoneGiven;

    /** @param whenNoneGiven {@code no .nnx file given}; null for a command whose arguments are optional */
    Subcommand(CommandEnvironment environment, String whenNoneGiven) {
        this.environment = environment;
        this.whenNoneGiven = whenNoneGiven;
    }

    final Terminal terminal() {
        return environment.terminal();
    }

    /** What a missing positional argument is called in nnx's words, for commands that require one. */
    final Optional<String> whenNoneGiven() {
        return Optional.ofNullable(whenNoneGiven);
    }
}
