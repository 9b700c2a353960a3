package org.nnx.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnx.dsl.Formatter;
import org.nnx.dsl.NnxParser;
import org.nnx.dsl.ast.NnxFile;
import org.nnx.files.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nnx fmt FILE... [--check]}: files that do not parse are reported and left alone. */
@Command(
        name = "fmt",
        sortOptions = false,
        description = {
            "Rewrite the files in the canonical layout.",
            "A file that does not parse is reported and left alone."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every file is (now) in the canonical layout",
            "1:with --check: a file would change",
            "2:a file does not parse or cannot be read"
        })
final class FmtCommand extends Subcommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "the .nnx files")
    List<Path> files = new ArrayList<>();

    @Option(names = "--check", description = "change nothing; list the files that would change")
    boolean checkOnly;

    FmtCommand(CommandEnvironment environment) {
        super(environment, "no .nnx file given");
    }

    @Override
    public Integer call() {
        int status = ExitStatus.OK;
        for (Path path : files) {
            status = Math.max(status, format(path));
        }
        return status;
    }

    /** Formats one file, or with {@code --check} names it when it would change; returns its status. */
    private int format(Path path) {
        try {
            NnxParser.Result parsed = NnxParser.parse(path, path);
            if (!parsed.diagnostics().isEmpty()) {
                parsed.diagnostics().forEach(d -> terminal().err().println(d.render()));
                return ExitStatus.BAD_INPUT;
            }
            NnxFile file = parsed.file().orElseThrow();
            String formatted = Formatter.format(file.source());
            if (formatted.equals(file.source().text())) {
                return ExitStatus.OK;
            }
            if (checkOnly) {
                terminal().out().println(path);
                return ExitStatus.RUN_FAILED;
            }
            // Whole or not at all: a kill or a full disk mid-write must never cut the user's file short.
            AtomicFile.writeString(path, formatted);
            terminal().out().println("formatted " + path);
            return ExitStatus.OK;
        } catch (IOException e) {
            terminal().error(path + ": cannot read or write: " + e.getMessage());
            return ExitStatus.BAD_INPUT;
        }
    }
}
