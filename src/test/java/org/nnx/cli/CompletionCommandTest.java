package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnx.plugin.PluginDirectories;
import org.nnx.train.StopSignal;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code nnx completion}: a script that bash (and zsh, through its bash emulation) loads and completes with. */
class CompletionCommandTest {
    private static final Path BASH = Path.of("/bin/bash");
    private static final Path ZSH = Path.of("/usr/bin/zsh");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String script(String shell) {
        out.reset();
        int status = new Cli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        new StopSignal(),
                        false)
                .run(new String[] {"completion", shell});
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theScriptNamesEveryCommandAndEveryOption() {
        String script = script("bash");
        CommandLine nnx = Cli.commandLine(new CommandEnvironment(
                new Terminal(System.out, System.err, false), new StopSignal(), PluginDirectories.DEFAULT, false));
        assertTrue(
                script.contains("local commands=\""
                        + String.join(" ", nnx.getSubcommands().keySet()) + "\""),
                script);
        for (CommandLine command : nnx.getSubcommands().values()) {
            String name = command.getCommandName();
            String start = "function _picocli_nnx_" + name + "() {";
            assertTrue(script.contains(start), name);
            String function = script.substring(script.indexOf(start), script.indexOf("\n}\n", script.indexOf(start)));
            for (OptionSpec option : command.getCommandSpec().options()) {
                for (String optionName : option.names()) {
                    assertTrue(
                            function.contains("'" + optionName + "'") != option.hidden(),
                            name + " " + optionName + (option.hidden() ? " is hidden" : " is missing"));
                }
            }
        }
        assertTrue(script.contains("'--version'"));
    }

    @Test
    void zshGetsTheSameScriptWhichLoadsBashcompinitItself() {
        String script = script("zsh");
        assertEquals(script("bash"), script);
        assertTrue(script.contains("elif [ -n \"$ZSH_VERSION\" ]; then"), script);
        assertTrue(script.contains("autoload -U +X bashcompinit && bashcompinit"), script);
    }

    @Test
    void bashAcceptsTheScriptAndCompletesWithIt() throws Exception {
        assumeTrue(Files.isExecutable(BASH), "no " + BASH);
        Path script = Files.writeString(dir.resolve("nnx.bash"), script("bash"));
        assertEquals("", shell(BASH, "-n", script.toString()));
        assertEquals("check compare completion\n", complete(script, "nnx", "help", "c"));
        assertEquals("--only --out\n", complete(script, "nnx", "run", "--o"));
        assertEquals("--verify\n", complete(script, "nnx", "plugins", "--v"));
        assertEquals("bash zsh\n", complete(script, "nnx", "completion", ""));
    }

    @Test
    void zshRegistersTheCompletionThroughBashcompinit() throws Exception {
        assumeTrue(Files.isExecutable(ZSH), "no " + ZSH);
        Path script = Files.writeString(dir.resolve("nnx.zsh"), script("zsh"));
        assertEquals(
                "_bash_complete -F _complete_nnx -o default\n",
                shell(ZSH, "-c", "source " + script + " && print -r -- \"${_comps[nnx]}\""));
    }

    /**
     * The words bash offers for the last of the given ones, as {@code nnx ...<TAB>} would. Outside a real
     * completion bash's {@code compopt} complains; that is not the script's fault.
     */
    private String complete(Path script, String... words) throws Exception {
        String array =
                String.join(" ", List.of(words).stream().map(w -> "'" + w + "'").toList());
        return shell(
                BASH,
                "-c",
                "source " + script + "; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                        + "; _complete_nnx 2>/dev/null; echo \"${COMPREPLY[*]}\"");
    }

    private String shell(Path shell, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(shell.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the shell did not finish");
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
