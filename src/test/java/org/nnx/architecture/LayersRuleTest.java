package org.nnx.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The rule set itself: it fails on a fixture that breaks it, naming the offending dependency. */
class LayersRuleTest {
    private static final String ROOT = "org.nnx.architecture.fixture";
    private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

    @Test
    void theTrainingLoopMayNotKnowBuiltInLayers() {
        EvaluationResult result = Layers.layers(ROOT).evaluate(FIXTURE);
        assertTrue(result.hasViolation());
        String report = result.getFailureReport().toString();
        assertTrue(
                report.contains("where layer 'train' may only access layers ['model', 'registry', 'check', 'files', "
                        + "'spi', 'tensor']"),
                report);
        assertTrue(report.contains("was violated (1 times)"), report);
        assertTrue(
                report.contains("Method <" + ROOT + ".train.TrainerThatKnowsABuiltInLayer.fusable(java.lang.Object)>"
                        + " checks instanceof <" + ROOT + ".nn.BuiltInLayer>"),
                report);
    }

    @Test
    void guiceStaysAtTheEdgesAndTheSpiDependsOnNothing() {
        String guice = Layers.guiceAtTheEdges(ROOT)
                .evaluate(FIXTURE)
                .getFailureReport()
                .toString();
        assertTrue(
                guice.contains("Field <" + ROOT + ".spi.LayerThatNeedsGuice.weights> is annotated with <Inject>")
                        || guice.contains("LayerThatNeedsGuice"),
                guice);
        assertTrue(guice.contains("because Guice lives at the edges"), guice);
        String spi = Layers.spiDependsOnNothing(ROOT)
                .evaluate(FIXTURE)
                .getFailureReport()
                .toString();
        assertTrue(spi.contains("com.google.inject.Inject"), spi);
        assertFalse(spi.contains(ROOT + ".tensor.Matrix>"), "the tensor types are allowed: " + spi);
    }

    @Test
    void aFixtureThatKeepsTheRulesPasses() {
        JavaClasses clean = new ClassFileImporter().importPackages(ROOT + ".nn", ROOT + ".tensor");
        Layers.rules(ROOT).forEach(rule -> assertFalse(rule.evaluate(clean).hasViolation(), rule.getDescription()));
    }
}
