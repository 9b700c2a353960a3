package org.nnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nnx.plugin.PluginDirectories;
import org.nnx.spi.NnxPlugin;
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

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int nnx(String... args) {
        out.reset();
        err.reset();
        return new Cli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        new StopSignal(),
                        false,
                        dir.resolve("no-default-plugins"))
                .run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

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
        assertEquals(0, nnx(help));
        assertTrue(stdout().startsWith("Usage: nnx [-hV] [--debug] [COMMAND]\n"), stdout());
        for (String command : COMMANDS) {
            assertTrue(stdout().contains("\n  " + command + " "), command + " missing from:\n" + stdout());
        }
        assertTrue(stdout().contains("  -V, --version "), stdout());
        assertTrue(stdout().contains("\n  130   interrupted by Ctrl-C"), stdout());
        assertEquals("", stderr());
    }

    @Test
    void withoutACommandNnxPrintsItsUsageOnStderrWithStatus2() {
        assertEquals(2, nnx());
        assertEquals("", stdout());
        assertTrue(stderr().startsWith("Usage: nnx [-hV] [--debug] [COMMAND]\n"), stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "check", "plugins", "fmt", "compare", "bench", "completion", "help"})
    void everyCommandsHelpIsItsUsageOnStdoutWithStatus0(String command) {
        assertEquals(0, nnx(command, "--help"));
        String usage = stdout();
        assertTrue(
                usage.startsWith(command.equals("bench") ? "Usage:\nnnx bench " : "Usage: nnx " + command + " "),
                usage);
        assertEquals("", stderr());
        assertEquals(0, nnx(command, "-h"));
        assertEquals(usage, stdout());
        assertEquals(0, nnx("help", command));
        assertEquals(usage, stdout());

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
            assertEquals(0, nnx(command.get(0), "--help"));
            for (String option : command.subList(1, command.size())) {
                assertTrue(stdout().contains(option), option + " missing from:\n" + stdout());
            }
            assertTrue(stdout().contains("-h, --help   "), stdout());
        }
        assertEquals(0, nnx("check", "--help"));
        assertFalse(stdout().contains("--out"), "check's --out exists only to be refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionNamesNnxAndThePluginSpi(String option) {
        assertEquals(0, nnx(option));
        assertEquals("nnx " + Version.current() + "\nplugin SPI " + NnxPlugin.SPI_VERSION + "\n", stdout());
        assertTrue(stdout().endsWith("\nplugin SPI 1\n"), stdout());
        assertEquals("", stderr());
    }

    @Test
    void anUnknownCommandIsNamedWithTheNearestOne() {
        assertEquals(2, nnx("trian", "x.nnx"));
        assertTrue(
                stderr().startsWith("nnx: error: unknown command 'trian'\nUsage: nnx [-hV] [--debug] [COMMAND]\n"),
                stderr());
        assertEquals("", stdout());
        assertEquals(2, nnx("rnu", "x.nnx"));
        assertTrue(stderr().startsWith("nnx: error: unknown command 'rnu'; did you mean 'run'?\n"), stderr());
        assertEquals(2, nnx("help", "chekc"));
        assertTrue(
                stderr().startsWith("nnx: error: unknown command 'chekc'; did you mean 'check'?\n"
                        + "Usage: nnx help [-h] [--debug] [COMMAND]\n"),
                stderr());
        assertEquals("", stdout());
    }

    @Test
    void anUnknownOptionIsNamedWithTheNearestOneAndTheCommandsUsage() {
        assertEquals(2, nnx("run", "--outt", "reports", "x.nnx"));
        assertTrue(
                stderr().startsWith("nnx: error: unknown option '--outt'; did you mean '--out'?\nUsage: nnx run "),
                stderr());
        assertEquals("", stdout());
        assertEquals(2, nnx("fmt", "--chek", "x.nnx"));
        assertTrue(
                stderr().startsWith("nnx: error: unknown option '--chek'; did you mean '--check'?\nUsage: nnx fmt "),
                stderr());
        assertEquals(2, nnx("--verison"));
        assertTrue(
                stderr().startsWith("nnx: error: unknown option '--verison'; did you mean '--version'?\n"), stderr());
        assertEquals(2, nnx("run", "--bogus", "x.nnx"));
        assertTrue(stderr().startsWith("nnx: error: unknown option '--bogus'\n"), stderr());
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
        assertUsageError("plugins takes no files, only --verify and --plugins DIR", "plugins", "x.nnx");
        assertUsageError("completion needs a shell: bash or zsh", "completion");
        assertUsageError("unknown shell 'zhs'; did you mean 'zsh'?", "completion", "zhs");
        assertUsageError("unknown option '--bogus' of bench", "bench", "--bogus");
    }

    private void assertUsageError(String message, String... args) {
        assertEquals(2, nnx(args), String.join(" ", args));
        String command = args[0];
        assertTrue(stderr().startsWith("nnx: error: " + message + "\nUsage:"), stderr());
        assertTrue(stderr().contains("nnx " + command + " "), "the usage is " + command + "'s:\n" + stderr());
        assertEquals("", stdout());
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
        assertEquals(0, nnx("fmt", "--check", tidy.toString()));
        assertEquals("", stdout());
        assertEquals(1, nnx("fmt", "--check", tidy.toString(), messy.toString()));
        assertEquals(messy + "\n", stdout());
        assertEquals("", stderr());
        assertTrue(Files.readString(messy).contains("dense   10"), "--check writes nothing");

        Path broken = Files.writeString(dir.resolve("broken.nnx"), "experiment {");
        assertEquals(2, nnx("fmt", "--check", messy.toString(), broken.toString()));
        assertTrue(stderr().startsWith(broken + ":1:"), stderr());
    }
}
