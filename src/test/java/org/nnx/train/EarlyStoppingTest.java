package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nnx.model.EarlyStop;

class EarlyStoppingTest {

    @Test
    void aRunThatCannotImproveStopsEarlyAndStaysOk() {
        // With learning rate 0 every evaluation gives the same val_loss: the first sets the best, the next two
        // do not improve on it, and patience 2 stops the run at the third.
        RunResult result = TestRuns.model(TestRuns.dense(10))
                .learningRate(0)
                .validation(0.2)
                .evaluateEvery(1)
                .iterations(20)
                .earlyStop(2, "val_loss")
                .train(500);
        assertEquals(RunStatus.OK, result.status());
        assertEquals("early stop at iteration 3: val_loss did not improve for 2 evaluations", result.reason());
        assertEquals(4, result.metrics().size(), "the evaluation before training, then 3 iterations");
        assertTrue(result.metrics().get(3).evaluated());
    }

    @Test
    void aLearningRunIsNotStopped() {
        RunResult result = TestRuns.model(TestRuns.dense(10))
                .learningRate(0.1)
                .evaluateEvery(2)
                .iterations(10)
                .earlyStop(2, "train_loss")
                .train(500);
        assertEquals(RunStatus.OK, result.status());
        assertEquals("", result.reason());
        assertEquals(11, result.metrics().size(), "the evaluation before training, then 10 iterations");
    }

    @Test
    void lossesImproveDownwardAccuraciesUpward() {
        EarlyStopping loss = new EarlyStopping(new EarlyStop(2, "test_loss"), false);
        assertFalse(loss.shouldStop(1.0));
        assertFalse(loss.shouldStop(0.5));
        assertFalse(loss.shouldStop(0.6));
        assertFalse(loss.shouldStop(0.4), "an improvement resets the count");
        assertFalse(loss.shouldStop(0.4));
        assertTrue(loss.shouldStop(0.45));

        EarlyStopping accuracy = new EarlyStopping(new EarlyStop(1, "val_accuracy"), true);
        assertFalse(accuracy.shouldStop(0.5));
        assertFalse(accuracy.shouldStop(0.6));
        assertTrue(accuracy.shouldStop(0.55));

        EarlyStopping nan = new EarlyStopping(new EarlyStop(1, "train_loss"), false);
        assertTrue(nan.shouldStop(Double.NaN), "NaN never improves");

        EarlyStopping off = new EarlyStopping(EarlyStop.OFF, false);
        assertFalse(off.shouldStop(1.0));
        assertFalse(off.shouldStop(2.0));
    }

    @Test
    void picksTheNamedMetric() {
        Evaluator.Evaluation train = new Evaluator.Evaluation(0.1, 1);
        Evaluator.Evaluation test = new Evaluator.Evaluation(0.2, 2);
        Evaluator.Evaluation validation = new Evaluator.Evaluation(0.3, 3);
        double[] expected = {3, 0.3, 1, 0.1, 2, 0.2};
        for (int i = 0; i < EarlyStopping.METRICS.size(); i++) {
            EarlyStopping stopping = new EarlyStopping(new EarlyStop(1, EarlyStopping.METRICS.get(i)), true);
            assertEquals(expected[i], stopping.pick(train, test, validation));
        }
    }

    @Test
    void unknownMetricsAndValidationMetricsWithoutValidationFail() {
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(new EarlyStop(2, "accuracy"), true));
        RunResult result = TestRuns.model(TestRuns.dense(10))
                .iterations(2)
                .earlyStop(2, "val_loss")
                .train(200);
        assertEquals(RunStatus.FAILED, result.status());
        assertTrue(result.reason().contains("needs a validation set"), result.reason());
    }
}
