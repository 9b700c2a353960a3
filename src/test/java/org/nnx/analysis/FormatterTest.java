package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nnx.dsl.Formatter;
import org.nnx.dsl.SourceFile;
import org.nnx.dsl.ast.Definition;
import org.nnx.dsl.ast.NnxFile;

/** {@code nnx fmt}: canonical layout, comments kept, the same tree after a round trip, idempotent. */
class FormatterTest {

    /** The tree as text without locations: equal trees print equally, different ones differently. */
    private static String tree(NnxFile file) {
        String imports = file.imports().stream().map(i -> "import " + i.path()).collect(Collectors.joining("\n"));
        return imports + "\n"
                + file.definitions().stream()
                        .map(d -> d.parent()
                                        .map(p -> "extends " + p.name() + "\n")
                                        .orElse("")
                                + DefinitionPrinter.print(new Definition(
                                        d.location(), d.kind(), d.name(), Optional.empty(), d.statements())))
                        .collect(Collectors.joining("\n"));
    }

    private static void roundTrip(String text) {
        NnxFile original = Analysis.parse("a.nnx", text);
        String formatted = Formatter.format(new SourceFile(Path.of("a.nnx"), text));
        NnxFile reparsed = Analysis.parse("a.nnx", formatted);
        assertEquals(tree(original), tree(reparsed));
        assertEquals(
                formatted, Formatter.format(new SourceFile(Path.of("a.nnx"), formatted)), "formatting is idempotent");
    }

    @Test
    void messyFileBecomesCanonicalWithCommentsKept() {
        String messy = """
                // header comment
                import   "common.nnx"
                experiment  e   extends base{
                   dataset mnist,limit=100   // few
                      model {


                  dense 50|100 ,init=gaussian( 0.01 )  /* std */
                  relu
                    dropout(0.5)
                }
                  learning_rate 2*-3+x^2^-1
                  optimizer momentum( momentum=0.9 )
                  start [ -3.0 ,4.0]
                }
                """;
        String expected = """
                // header comment
                import "common.nnx"
                experiment e extends base {
                    dataset mnist, limit = 100  // few
                    model {
                        dense 50 | 100, init = gaussian(0.01) /* std */
                        relu
                        dropout(0.5)
                    }
                    learning_rate 2 * -3 + x^2^-1
                    optimizer momentum(momentum = 0.9)
                    start [-3.0, 4.0]
                }
                """;
        String formatted = Formatter.format(new SourceFile(Path.of("a.nnx"), messy));
        assertEquals(expected, formatted);
        roundTrip(messy);
    }

    @Test
    void argumentsSpanningLinesKeepTheirBreaksIndented() {
        String text = """
                experiment e {
                    optimizer adam(
                        beta1 = 0.9,   // first moment
                        beta2 = 0.999
                    )
                }
                """;
        String formatted = Formatter.format(new SourceFile(Path.of("a.nnx"), text));
        assertEquals("""
                experiment e {
                    optimizer adam(
                        beta1 = 0.9,  // first moment
                        beta2 = 0.999
                    )
                }
                """, formatted);
        roundTrip(text);
    }

    @Test
    void everyContractExampleSurvivesARoundTrip() throws IOException {
        String contract = Files.readString(Path.of("docs/language.md"));
        List<String> blocks = List.of(contract.split("```"));
        int checked = 0;
        for (int i = 1; i < blocks.size(); i += 2) {
            String block = blocks.get(i);
            if (block.contains("experiment ") && block.contains("{") || block.startsWith("\nobjective")) {
                roundTrip(block.substring(block.indexOf('\n') + 1));
                checked++;
            }
        }
        assertEquals(2, checked, "the whole-file example and the objective");
    }
}
