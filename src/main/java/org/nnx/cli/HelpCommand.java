package org.nnx.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.nnx.analysis.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nnx help [COMMAND]}: nnx's usage, or a command's. */
@Command(name = "help", helpCommand = true, description = "Show nnx's usage, or a command's.")
final class HelpCommand extends Subcommand {
    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "COMMAND",
            arity = "0..1",
            completionCandidates = CommandNames.class,
            description = "the command to describe")
    String command;

    HelpCommand(CommandEnvironment environment) {
        super(environment, null);
    }

    @Override
    public Integer call() {
        CommandLine nnx = spec.parent().commandLine();
        if (command == null) {
            nnx.usage(terminal().out());
            return ExitStatus.OK;
        }
        Map<String, CommandLine> commands = nnx.getSubcommands();
        if (!commands.containsKey(command)) {
            throw new ParameterException(
                    spec.commandLine(), Suggestions.unknown("command", command, commands.keySet()));
        }
        commands.get(command).usage(terminal().out());
        return ExitStatus.OK;
    }

    /**
     * nnx's commands, offered when completing {@code nnx help}. Written out because picocli creates this
     * while it builds the commands, before their names can be asked.
     */
    static final class CommandNames implements Iterable<String> {
        static final List<String> NAMES = List.of(
                "run",
                "check",
                "predict",
                "evaluate",
                "export",
                "plugins",
                "fmt",
                "compare",
                "bench",
                "completion",
                "help");

        @Override
        public Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
