package org.nnx.cli;

import java.util.ArrayList;
import java.util.List;
import org.nnx.analysis.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A malformed command line: {@code nnx: error: <what>} and the command's usage on stderr, status 2. An
 * unknown command or option is named with the nearest known one, as nnx names a misspelled layer.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    private final Terminal terminal;

    UsageErrorHandler(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine command = exception.getCommandLine();
        terminal.error(describe(exception));
        command.usage(terminal.err());
        return ExitStatus.BAD_INPUT;
    }

    /** The one line that says what is wrong, in nnx's words rather than picocli's. */
    static String describe(ParameterException exception) {
        CommandSpec spec = exception.getCommandLine().getCommandSpec();
        if (exception instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            return unexpected(spec, unmatched.getUnmatched().get(0));
        }
        if (exception instanceof MissingParameterException missing
                && !missing.getMissing().isEmpty()) {
            // A missing argument is named before a missing required option, whatever order they are declared in.
            if (missing.getMissing().stream().anyMatch(ArgSpec::isPositional)
                    && exception.getCommandLine().getCommand() instanceof Subcommand command
                    && command.whenNoneGiven().isPresent()) {
                return command.whenNoneGiven().get();
            }
            if (missing.getMissing().get(0) instanceof OptionSpec option) {
                return option.longestName() + " needs a value";
            }
        }
        return exception.getMessage();
    }

    private static String unexpected(CommandSpec spec, String argument) {
        if (argument.startsWith("-")) {
            return Suggestions.unknown("option", argument, optionNames(spec));
        }
        if (!spec.subcommands().isEmpty()) {
            return Suggestions.unknown("command", argument, spec.subcommands().keySet());
        }
        if (!spec.positionalParameters().isEmpty()) {
            return "unexpected argument '" + argument + "'";
        }
        List<String> uses = optionUses(spec);
        return spec.name() + " takes no files, only "
                + (uses.size() < 2
                        ? String.join("", uses)
                        : String.join(", ", uses.subList(0, uses.size() - 1)) + " and " + uses.get(uses.size() - 1));
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                names.addAll(List.of(option.names()));
            }
        }
        return names;
    }

    /** {@code --verify}, {@code --plugins DIR}: each option as it is written, help aside. */
    private static List<String> optionUses(CommandSpec spec) {
        List<String> uses = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden() && !option.usageHelp() && !option.versionHelp() && !option.inherited()) {
                uses.add(option.longestName() + (option.arity().max() > 0 ? " " + option.paramLabel() : ""));
            }
        }
        return uses;
    }
}
