package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.train.TestPlans.DATASETS;
import static org.nnx.train.TestPlans.REGISTRY;
import static org.nnx.train.TestPlans.plan;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.Sampling;

/** Training runs that must reach an accuracy, diverge, stop, and repeat bit for bit. */
class TrainerTest {
    private static RunResult train(String text, StopSignal stop) {
        ExperimentPlan plan = plan(text);
        return new ExperimentRunner(new Trainer(REGISTRY, stop), DATASETS, stop)
                .run(plan, TrainingListener.NONE)
                .runs()
                .get(0);
    }

    private static String net(String extra) {
        return """
                experiment net {
                    dataset mnist, limit = 2000
                    model {
                        dense 50
                        relu
                        dense 10
                    }
                    loss cross_entropy
                    learning_rate 0.1
                    batch_size 50
                    epochs 3
                    seed 1
                %s
                }
                """.formatted(extra);
    }

    @Test
    void reluNetLearnsDigits() {
        RunResult result = train(net(""), new StopSignal());
        assertEquals(RunStatus.OK, result.status(), result.reason());
        assertEquals(121, result.metrics().size(), "the evaluation before training, then 3 epochs of 2000 in 50s");
        assertTrue(result.testAccuracy() >= 0.85, "test accuracy " + result.testAccuracy());
        assertTrue(result.trainAccuracy() >= 0.88, "train accuracy " + result.trainAccuracy());
        assertEquals(
                4,
                result.metrics().stream().filter(MetricsRow::evaluated).count(),
                "one evaluation before training and one per epoch");
        double first = result.metrics().get(1).loss();
        double last = result.metrics().get(result.metrics().size() - 1).loss();
        assertTrue(first > 2.0 && last < 0.6, "loss falls from " + first + " to " + last);
        assertEquals(3.0, result.metrics().get(120).epoch(), 1e-12);
        assertEquals("java", result.provenance().get("blas"));
    }

    @Test
    void theFirstRowIsAnEvaluationBeforeAnyStep() {
        RunResult result = train(net(""), new StopSignal());
        MetricsRow start = result.metrics().get(0);
        assertEquals(0, start.iteration());
        assertEquals(0.0, start.epoch());
        assertTrue(Double.isNaN(start.loss()), "no mini-batch yet: " + start.loss());
        assertTrue(start.evaluated());
        // An untrained net of 10 classes: about chance, and a held-out loss near ln 10.
        assertTrue(start.testAccuracy() < 0.3 && start.trainAccuracy() < 0.3, start.toString());
        assertEquals(Math.log(10), start.testLoss(), 0.5, start.toString());
        assertEquals(1, result.metrics().get(1).iteration());
        assertTrue(result.testAccuracy() > start.testAccuracy(), "the final accuracy is the last evaluation's");
    }

    @Test
    void mseWithSoftmaxLearnsToo() {
        RunResult result = train(
                net("").replace("dense 10\n", "dense 10\n        softmax\n")
                        .replace("cross_entropy", "mse")
                        .replace("0.1", "0.5"),
                new StopSignal());
        assertEquals(RunStatus.OK, result.status(), result.reason());
        assertTrue(result.testAccuracy() >= 0.6, "test accuracy " + result.testAccuracy());
    }

    @Test
    void hugeLearningRateDivergesAndKeepsItsMetrics() {
        RunResult result = train(
                net("").replace("learning_rate 0.1", "learning_rate 1e4").replace("cross_entropy", "mse"),
                new StopSignal());
        assertEquals(RunStatus.DIVERGED, result.status());
        assertTrue(result.reason().startsWith("loss became "), result.reason());
        assertTrue(result.metrics().size() < 121);
        MetricsRow lastRow = result.metrics().get(result.metrics().size() - 1);
        assertTrue(!Double.isFinite(lastRow.loss()) || lastRow.loss() > 1e4, "last loss " + lastRow.loss());
    }

    @Test
    void aStopRequestEndsTheRunAsStopped() {
        StopSignal stop = new StopSignal();
        stop.request();
        RunResult result = train(net(""), stop);
        assertEquals(RunStatus.STOPPED, result.status());
    }

    @Test
    void sameFileAndSeedGiveBitIdenticalMetrics() {
        String text = net("    sampling random").replace("epochs 3", "iterations 50");
        List<MetricsRow> first = train(text, new StopSignal()).metrics();
        List<MetricsRow> second = train(text, new StopSignal()).metrics();
        assertEquals(first, second);
        List<MetricsRow> otherSeed =
                train(text.replace("seed 1", "seed 2"), new StopSignal()).metrics();
        assertTrue(!first.equals(otherSeed), "another seed gives other numbers");
    }

    @Test
    void runsSideBySideGiveTheSameNumbersAsOneAfterAnother() {
        ExperimentPlan plan = plan(net("").replace("learning_rate 0.1", "learning_rate 0.1 | 0.05 | 0.2")
                .replace("epochs 3", "iterations 30"));
        StopSignal stop = new StopSignal();
        ExperimentResult oneAfterAnother =
                new ExperimentRunner(new Trainer(REGISTRY, stop), DATASETS, stop, 1).run(plan, TrainingListener.NONE);
        ExperimentResult sideBySide =
                new ExperimentRunner(new Trainer(REGISTRY, stop), DATASETS, stop, 2).run(plan, TrainingListener.NONE);
        assertEquals(3, sideBySide.runs().size());
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    oneAfterAnother.runs().get(i).name(),
                    sideBySide.runs().get(i).name(),
                    "plan order kept");
            assertEquals(
                    oneAfterAnother.runs().get(i).metrics(),
                    sideBySide.runs().get(i).metrics());
        }
        assertTrue(sideBySide.data().isPresent());
        assertEquals(2000, sideBySide.data().get().trainSize());
    }

    @Test
    void shuffleVisitsEverySampleOncePerEpoch() {
        BatchSampler sampler = new BatchSampler(Sampling.SHUFFLE, 10, 4, new SplittableRandom(3));
        int[] seen = new int[10];
        int[] sizes = new int[3];
        for (int batch = 0; batch < 3; batch++) {
            int start = sampler.next();
            int count = sampler.count(start);
            sizes[batch] = count;
            for (int i = 0; i < count; i++) {
                seen[sampler.indices()[start + i]]++;
            }
        }
        assertEquals("[4, 4, 2]", Arrays.toString(sizes));
        assertTrue(Arrays.stream(seen).allMatch(n -> n == 1), Arrays.toString(seen));
    }

    @Test
    void randomSamplingDrawsFullBatchesWithReplacement() {
        BatchSampler sampler = new BatchSampler(Sampling.RANDOM, 10, 25, new SplittableRandom(3));
        int start = sampler.next();
        assertEquals(0, start);
        assertEquals(25, sampler.count(start));
        assertTrue(Arrays.stream(sampler.indices()).allMatch(i -> i >= 0 && i < 10));
    }
}
