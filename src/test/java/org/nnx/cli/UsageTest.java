package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnx.plugin.PluginDirectories;
import org.nnx.train.StopSignal;
import org.nnx.train.Version;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Help, version and malformed command lines: what goes to which stream, and the exit status. */
class UsageTest {
    private static final List<String> COMMANDS = List.of(
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

    @TempDir
    Path dir;

    private final CliHarness cli = CliHarness.withPluginFolder(() -> dir.resolve("no-default-plugins"));

    private static CommandLine commands() {
        return Cli.commandLine(new CommandEnvironment(
                new Terminal(System.out, System.err, false), new StopSignal(), PluginDirectories.DEFAULT, false));
    }

    @Test
    void nnxHasEveryCommandInItsUsageOrder() {
        assertEquals(COMMANDS, List.copyOf(commands().getSubcommands().keySet()));
        assertEquals(COMMANDS, HelpCommand.CommandNames.NAMES, "what 'nnx help' completes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void nnxsHelpListsEveryCommandOnStdout(String help) {
        assertEquals(0, cli.run(help));
        assertTrue(cli.stdout().startsWith("Usage: nnx [-hV] [--debug] [COMMAND]\n"), cli.stdout());
        for (String command : COMMANDS) {
            assertTrue(cli.stdout().contains("\n  " + command + " "), command + " missing from:\n" + cli.stdout());
        }
        assertTrue(cli.stdout().contains("  -V, --version "), cli.stdout());
        assertTrue(cli.stdout().contains("\n  130   interrupted by Ctrl-C"), cli.stdout());
        assertEquals("", cli.stderr());
    }

    @Test
    void withoutACommandNnxPrintsItsUsageOnStderrWithStatus2() {
        assertEquals(2, cli.run());
        assertEquals("", cli.stdout());
        assertTrue(cli.stderr().startsWith("Usage: nnx [-hV] [--debug] [COMMAND]\n"), cli.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "check", "plugins", "fmt", "compare", "bench", "completion", "help"})
    void everyCommandsHelpIsItsUsageOnStdoutWithStatus0(String command) {
        assertEquals(0, cli.run(command, "--help"));
        String usage = cli.stdout();
        assertTrue(
                usage.startsWith(command.equals("bench") ? "Usage:\nnnx bench " : "Usage: nnx " + command + " "),
                usage);
        assertEquals("", cli.stderr());
        assertEquals(0, cli.run(command, "-h"));
        assertEquals(usage, cli.stdout());
        assertEquals(0, cli.run("help", command));
        assertEquals(usage, cli.stdout());

        CommandLine subcommand = commands().getSubcommands().get(command);
        for (OptionSpec option : subcommand.getCommandSpec().options()) {
            if (option.hidden()) {
                assertFalse(usage.contains(option.longestName()), option.longestName() + " is hidden");
                continue;
            }
            assertEquals(1, option.description().length, option.longestName() + " has one line of doc");
            String line = usage.lines()
                    .filter(l -> l.contains(option.longestName() + " ") || l.contains(option.longestName() + "="))
                    .filter(l -> l.startsWith("  ") && l.trim().startsWith("-"))
                    .findFirst()
                    .orElse("");
            assertTrue(
                    line.contains(option.description()[0].split(" ")[0]),
                    "no doc for " + option.longestName() + " in:\n" + usage);
        }
        subcommand
                .getCommandSpec()
                .positionalParameters()
                .forEach(parameter ->
                        assertTrue(usage.contains(parameter.paramLabel()), parameter.paramLabel() + " in:\n" + usage));
    }

    @Test
    void eachCommandsHelpNamesItsOptions() {
        List<List<String>> expected = List.of(
                List.of("run", "FILE...", "--out=DIR", "--only=NAME", "--plugins=DIR"),
                List.of("check", "FILE...", "--only=NAME", "--plugins=DIR"),
                List.of("plugins", "--verify", "--plugins=DIR"),
                List.of("fmt", "FILE...", "--check"),
                List.of("compare", "DIR...", "--out=FILE.html"),
                List.of(
                        "bench",
                        "--model small|big|both",
                        "--epochs N",
                        "--repeat N",
                        "--backends LIST",
                        "--side-by-side N",
                        "--peers",
                        "--peer-dir DIR",
                        "--python PATH",
                        "--peer-threads N",
                        "--data DIR",
                        "--seed N",
                        "--cores 1|2",
                        "--gemm",
                        "--phases",
                        "--steps N"),
                List.of("completion", "SHELL"),
                List.of("help", "COMMAND"));
        for (List<String> command : expected) {
            assertEquals(0, cli.run(command.get(0), "--help"));
            for (String option : command.subList(1, command.size())) {
                assertTrue(cli.stdout().contains(option), option + " missing from:\n" + cli.stdout());
            }
            assertTrue(cli.stdout().contains("-h, --help   "), cli.stdout());
        }
        assertEquals(0, cli.run("check", "--help"));
        assertFalse(cli.stdout().contains("--out"), "check's --out exists only to be refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionNamesNnxAndThePluginSpi(String option) {
        assertEquals(0, cli.run(option));
        assertTrue(
                cli.stdout().startsWith("nnx " + Version.current() + "\nplugin SPI versions 1..2\nblas "),
                cli.stdout());
        assertEquals(3, cli.stdout().lines().count(), cli.stdout());
        assertEquals("", cli.stderr());
    }

    @Test
    void anUnknownCommandIsNamedWithTheNearestOne() {
        assertEquals(2, cli.run("trian", "x.nnx"));
        assertTrue(
                cli.stderr().startsWith("nnx: error: unknown command 'trian'\nUsage: nnx [-hV] [--debug] [COMMAND]\n"),
                cli.stderr());
        assertEquals("", cli.stdout());
        assertEquals(2, cli.run("rnu", "x.nnx"));
        assertTrue(cli.stderr().startsWith("nnx: error: unknown command 'rnu'; did you mean 'run'?\n"), cli.stderr());
        assertEquals(2, cli.run("help", "chekc"));
        assertTrue(
                cli.stderr()
                        .startsWith("nnx: error: unknown command 'chekc'; did you mean 'check'?\n"
                                + "Usage: nnx help [-h] [--debug] [COMMAND]\n"),
                cli.stderr());
        assertEquals("", cli.stdout());
    }

    @Test
    void anUnknownOptionIsNamedWithTheNearestOneAndTheCommandsUsage() {
        assertEquals(2, cli.run("run", "--outt", "reports", "x.nnx"));
        assertTrue(
                cli.stderr().startsWith("nnx: error: unknown option '--outt'; did you mean '--out'?\nUsage: nnx run "),
                cli.stderr());
        assertEquals("", cli.stdout());
        assertEquals(2, cli.run("fmt", "--chek", "x.nnx"));
        assertTrue(
                cli.stderr()
                        .startsWith("nnx: error: unknown option '--chek'; did you mean '--check'?\nUsage: nnx fmt "),
                cli.stderr());
        assertEquals(2, cli.run("--verison"));
        assertTrue(
                cli.stderr().startsWith("nnx: error: unknown option '--verison'; did you mean '--version'?\n"),
                cli.stderr());
        assertEquals(2, cli.run("run", "--bogus", "x.nnx"));
        assertTrue(cli.stderr().startsWith("nnx: error: unknown option '--bogus'\n"), cli.stderr());
    }

    @Test
    void malformedCommandLinesSayWhatIsWrongInOneLine() {
        assertUsageError("no .nnx file given", "run");
        assertUsageError("no .nnx file given", "check", "--only", "x");
        assertUsageError("no .nnx file given", "fmt", "--check");
        assertUsageError("no experiment folder given", "compare", "--out", "x.html");
        assertUsageError("compare needs --out FILE.html", "compare", "reports");
        assertUsageError("--out needs a value", "run", "x.nnx", "--out");
        assertUsageError("--plugins needs a value", "plugins", "--plugins");
        assertUsageError("--out is an option of 'run', not of 'check'", "check", "x.nnx", "--out", "reports");
        assertUsageError("plugins takes no files, only --verify, --lock and --plugins DIR", "plugins", "x.nnx");
        assertUsageError("completion needs a shell: bash or zsh", "completion");
        assertUsageError("unknown shell 'zhs'; did you mean 'zsh'?", "completion", "zhs");
        assertUsageError("unknown option '--bogus' of bench", "bench", "--bogus");
    }

    private void assertUsageError(String message, String... args) {
        assertEquals(2, cli.run(args), String.join(" ", args));
        String command = args[0];
        assertTrue(cli.stderr().startsWith("nnx: error: " + message + "\nUsage:"), cli.stderr());
        assertTrue(cli.stderr().contains("nnx " + command + " "), "the usage is " + command + "'s:\n" + cli.stderr());
        assertEquals("", cli.stdout());
    }

    @Test
    void fmtCheckExitsWith1WhenAFileWouldChangeAndChangesNothing() throws IOException {
        String canonical = """
                experiment tidy {
                    dataset mnist
                    model {
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    epochs 1
                }
                """;
        Path tidy = Files.writeString(dir.resolve("tidy.nnx"), canonical);
        Path messy = Files.writeString(dir.resolve("messy.nnx"), canonical.replace("dense 10", "dense   10"));
        assertEquals(0, cli.run("fmt", "--check", tidy.toString()));
        assertEquals("", cli.stdout());
        assertEquals(1, cli.run("fmt", "--check", tidy.toString(), messy.toString()));
        assertEquals(messy + "\n", cli.stdout());
        assertEquals("", cli.stderr());
        assertTrue(Files.readString(messy).contains("dense   10"), "--check writes nothing");

        Path broken = Files.writeString(dir.resolve("broken.nnx"), "experiment {");
        assertEquals(2, cli.run("fmt", "--check", messy.toString(), broken.toString()));
        assertTrue(cli.stderr().startsWith(broken + ":1:"), cli.stderr());
    }
}
