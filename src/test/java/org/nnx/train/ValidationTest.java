package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.nnx.spi.Dataset;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/** {@code validation F}: a seeded hold-out that is evaluated and never trained on. */
class ValidationTest {

    @Test
    void aRunWithValidationReportsItAndTrainsOnTheRest() {
        Dataset digits = TestRuns.digits(1000);
        RecordingSplit recording = new RecordingSplit(digits.train());
        Dataset recorded = new Dataset() {
            public Split train() {
                return recording;
            }

            public Split test() {
                return digits.test();
            }

            public int features() {
                return digits.features();
            }

            public List<String> classNames() {
                return digits.classNames();
            }

            public String description() {
                return digits.description();
            }
        };
        RunResult result = TestRuns.model(TestRuns.dense(30), "relu", TestRuns.dense(10))
                .validation(0.2)
                .batchSize(50)
                .epochs(2)
                .train(recorded, 1000, network -> {});
        assertEquals(RunStatus.OK, result.status(), result.reason());

        // 800 training samples in batches of 50: 16 steps an epoch, the epoch counted over those 800; row 0 is
        // the evaluation before the first step.
        assertEquals(33, result.metrics().size());
        assertEquals(1.0, result.metrics().get(16).epoch(), 1e-12);
        List<MetricsRow> evaluated =
                result.metrics().stream().filter(MetricsRow::evaluated).toList();
        assertEquals(3, evaluated.size(), "before training and after each epoch");
        for (MetricsRow row : evaluated) {
            // Before training the net guesses (about 1 in 10); after an epoch it has learned.
            double least = row.iteration() == 0 ? 0 : 0.5;
            assertTrue(row.validationAccuracy() > least && row.validationAccuracy() <= 1, "" + row);
            assertTrue(row.validationLoss() > 0 && Double.isFinite(row.validationLoss()), "" + row);
        }
        assertTrue(Double.isNaN(result.metrics().get(1).validationAccuracy()), "no validation between evaluations");

        // Batches (≤ 50 samples) only ever read the 800 that train accuracy is measured on (one read of 800);
        // the validation set is the 200 others (one read of 200).
        Set<Integer> batches = recording.indices(count -> count <= 50);
        Set<Integer> training = recording.indices(count -> count == 800);
        Set<Integer> validation = recording.indices(count -> count == 200);
        assertEquals(800, training.size());
        assertEquals(200, validation.size());
        assertEquals(training, batches);
        assertTrue(validation.stream().noneMatch(training::contains));
    }

    @Test
    void noValidationMeansNoValidationMetrics() {
        RunResult result = TestRuns.model(TestRuns.dense(10))
                .iterations(4)
                .evaluateEvery(2)
                .train(200);
        assertTrue(result.metrics().stream()
                .allMatch(row -> Double.isNaN(row.validationAccuracy()) && Double.isNaN(row.validationLoss())));
    }

    @Test
    void holdOutIsSeededSortedAndDisjoint() {
        Split split = new CountingSplit(1000);
        HoldOut first = HoldOut.of(split, 0.2, new SplittableRandom(4));
        HoldOut again = HoldOut.of(split, 0.2, new SplittableRandom(4));
        HoldOut other = HoldOut.of(split, 0.2, new SplittableRandom(5));
        assertEquals(800, first.training().size());
        assertEquals(200, first.validation().size());
        List<Integer> validation = labels(first.validation());
        assertEquals(validation, labels(again.validation()));
        assertFalse(validation.equals(labels(other.validation())), "another seed holds out other samples");
        List<Integer> sorted = new ArrayList<>(validation);
        sorted.sort(null);
        assertEquals(sorted, validation, "dataset order is kept");
        Set<Integer> all = new HashSet<>(validation);
        all.addAll(labels(first.training()));
        assertEquals(1000, all.size());
        // The held-out samples are spread over the whole set, not a block at one end.
        assertTrue(validation.get(0) < 100 && validation.get(199) > 900, validation.toString());
    }

    @Test
    void holdOutSizesFollowKerasRounding() {
        Split split = new CountingSplit(10);
        // Training keeps ⌊10·(1 − F)⌋ samples.
        assertEquals(
                7, HoldOut.of(split, 0.25, new SplittableRandom(1)).training().size());
        assertEquals(
                3, HoldOut.of(split, 0.25, new SplittableRandom(1)).validation().size());
        HoldOut none = HoldOut.of(split, 0, new SplittableRandom(1));
        assertSame(split, none.training());
        assertFalse(none.hasValidation());
        assertThrows(
                IllegalArgumentException.class, () -> HoldOut.of(new CountingSplit(1), 0.5, new SplittableRandom(1)));
    }

    @Test
    void indexedSplitReadsThroughItsIndices() {
        IndexedSplit view = new IndexedSplit(new CountingSplit(10), new int[] {7, 2, 9});
        Tensor into = Tensor.zeros(2, 1);
        view.features(new int[] {0, 2, 1}, 1, 2, into);
        assertEquals(9.0, into.get(0));
        assertEquals(2.0, into.get(1));
        assertEquals(7, view.label(0));
    }

    private static List<Integer> labels(Split split) {
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < split.size(); i++) {
            labels.add(split.label(i));
        }
        return labels;
    }

    /** Sample i has label i and the single feature i. */
    private record CountingSplit(int size) implements Split {
        public int label(int index) {
            return index;
        }

        public void features(int[] indices, int from, int count, Tensor into) {
            for (int i = 0; i < count; i++) {
                into.set(i, indices[from + i]);
            }
        }
    }

    /** Remembers which samples each read asked for, by the read's size. */
    private static final class RecordingSplit implements Split {
        private final Split source;
        private final List<int[]> reads = new ArrayList<>();

        RecordingSplit(Split source) {
            this.source = source;
        }

        public int size() {
            return source.size();
        }

        public int label(int index) {
            return source.label(index);
        }

        public void features(int[] indices, int from, int count, Tensor into) {
            reads.add(Arrays.copyOfRange(indices, from, from + count));
            source.features(indices, from, count, into);
        }

        Set<Integer> indices(IntPredicate readSize) {
            Set<Integer> seen = new HashSet<>();
            for (int[] read : reads) {
                if (readSize.test(read.length)) {
                    for (int index : read) {
                        seen.add(index);
                    }
                }
            }
            return seen;
        }
    }
}
