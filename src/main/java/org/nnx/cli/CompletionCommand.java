package org.nnx.cli;

import java.util.Iterator;
import java.util.List;
import org.nnx.analysis.Suggestions;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nnx completion bash|zsh}: a script that completes nnx's commands and options. zsh runs the same
 * script: it loads zsh's bash-completion emulation ({@code bashcompinit}) itself.
 */
@Command(
        name = "completion",
        description = "Print a bash or zsh completion script for nnx.",
        footer = {
            "",
            "Load it into the running shell:",
            "  source <(nnx completion bash)",
            "or keep it where bash-completion finds it:",
            "  nnx completion bash > ~/.local/share/bash-completion/completions/nnx"
        })
final class CompletionCommand extends Subcommand {
    static final List<String> SHELLS = List.of("bash", "zsh");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SHELL", completionCandidates = Shells.class, description = "bash or zsh")
    String shell;

    CompletionCommand(CommandEnvironment environment) {
        super(environment, "completion needs a shell: bash or zsh");
    }

    @Override
    public Integer call() {
        if (!SHELLS.contains(shell)) {
            throw new ParameterException(spec.commandLine(), Suggestions.unknown("shell", shell, SHELLS));
        }
        terminal().out().print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        return ExitStatus.OK;
    }

    /** The shells {@code nnx completion} writes for, offered when completing its argument. */
    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return SHELLS.iterator();
        }
    }
}
