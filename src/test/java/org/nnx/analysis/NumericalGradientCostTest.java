package org.nnx.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A run by central differences that will take long is a warning at check time, not an error. */
class NumericalGradientCostTest {
    @Test
    void theBooksNetByCentralDifferencesIsWarnedAboutAndStillPlanned() {
        Analyzer.Result result = Analysis.analyze(Analysis.experiment("slow", "    gradient numerical")
                .replace("epochs 1", "iterations 10000")
                .replace("limit = 200", "limit = 1000"));
        assertTrue(result.ok());
        assertEquals(1, result.plans().size());
        assertEquals(
                List.of("test.nnx:11:5: warning: gradient numerical evaluates the loss twice a parameter a step: "
                        + "15,910 parameters and 10,000 steps make 3.18e+08 evaluations, which takes minutes or hours "
                        + "('nnx run' times the first step and says how long); 'gradient check' compares with backprop "
                        + "on a few samples instead"),
                result.warnings().stream().map(w -> w.headline()).toList());
    }

    @Test
    void aSmallOneIsNot() {
        Analyzer.Result result = Analysis.analyze(
                Analysis.experiment("quick", "    gradient numerical").replace("epochs 1", "iterations 5"));
        assertEquals(List.of(), result.warnings());
    }
}
