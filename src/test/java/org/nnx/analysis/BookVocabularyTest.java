package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nnx.analysis.Analysis.analyze;
import static org.nnx.analysis.Analysis.errors;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A reader of the book writes its words; nnx points each to its own. */
class BookVocabularyTest {
    private static List<String> check(String layers, String extra) {
        return errors(analyze("""
                experiment book {
                    dataset mnist, limit = 100
                    model {
                %s
                    }
                    learning_rate 0.1
                    epochs 1
                %s
                }
                """.formatted(layers, extra)));
    }

    @Test
    void theBooksNamesForLossesAndLayersSuggestNnxs() {
        assertEquals(
                List.of("test.nnx:8:10: error: unknown loss 'cross_entropy_error'; did you mean 'cross_entropy'?"),
                check("        dense 10", "    loss cross_entropy_error"));
        assertEquals(
                List.of("test.nnx:4:9: error: unknown layer 'Affine'; did you mean 'dense'?"),
                check("        Affine 10", "    loss cross_entropy"));
    }

    @Test
    void accuracyAsTheLossIsExplained() {
        assertEquals(
                List.of("test.nnx:8:10: error: accuracy cannot be the loss: a small change of the weights rarely "
                        + "changes how many samples are right, so its gradient is 0 almost everywhere and nothing "
                        + "learns; use cross_entropy or mse, and read the accuracy in the report"),
                check("        dense 10", "    loss accuracy"));
    }

    @Test
    void aWeightInitStdIsWrittenAsAGaussian() {
        assertEquals(
                List.of("test.nnx:4:26: error: 'init' of layer 'dense' must name an initializer, got "
                        + "0.01; the book's weight_init_std 0.01 is init = gaussian(0.01)"),
                check("        dense 10, init = 0.01", "    loss cross_entropy"));
        assertEquals(
                List.of("test.nnx:9:5: error: unknown statement 'weight_init_std' in experiment 'book'; the book's "
                        + "weight_init_std is written on each layer: dense 50, init = gaussian(0.01)"),
                check("        dense 10", "    loss cross_entropy\n    weight_init_std 0.01"));
    }
}
