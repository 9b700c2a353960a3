package org.nnx.builtins.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nnx.spi.Arguments;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/** {@code dataset spiral}: CS231n's spirals, drawn from the seed; the test set a second draw. */
class SpiralDatasetTest {
    private final SpiralDatasetFactory factory = new SpiralDatasetFactory();

    private TabularDataset load(long seed, int classes, int points, double noise, Object... more) {
        Object[] arguments = {"classes", (long) classes, "points", (long) points, "noise", noise};
        Object[] all = Arrays.copyOf(arguments, arguments.length + more.length);
        System.arraycopy(more, 0, all, arguments.length, more.length);
        return factory.load(Arguments.of(all), TestFiles.context(null, seed));
    }

    private static float[] all(Split split) {
        int[] indices = new int[split.size()];
        Arrays.setAll(indices, i -> i);
        Tensor into = Tensor.zeros(split.size(), 2);
        split.features(indices, 0, split.size(), into);
        return into.floats();
    }

    @Test
    void sizesClassesAndFeatures() {
        TabularDataset dataset = load(0, 4, 25, 0.2);
        assertEquals(2, dataset.features());
        assertEquals(List.of("0", "1", "2", "3"), dataset.classNames());
        assertEquals(100, dataset.train().size());
        assertEquals(100, dataset.test().size());
        int[] counts = new int[4];
        for (int i = 0; i < 100; i++) {
            counts[dataset.train().label(i)]++;
        }
        assertEquals("[25, 25, 25, 25]", Arrays.toString(counts));
    }

    @Test
    void withoutNoiseThePointsLieOnTheArms() {
        TabularDataset dataset = load(0, 3, 5, 0);
        float[] test = all(dataset.test());
        for (int arm = 0; arm < 3; arm++) {
            for (int i = 0; i < 5; i++) {
                double r = i / 4.0;
                double t = 4 * arm + 4 * i / 4.0;
                int sample = arm * 5 + i;
                assertEquals(arm, dataset.test().label(sample));
                assertEquals(r * Math.sin(t), test[2 * sample], 1e-6);
                assertEquals(r * Math.cos(t), test[2 * sample + 1], 1e-6);
            }
        }
    }

    @Test
    void theSeedDecidesEveryPointAndTheTestSetIsAnotherDraw() {
        float[] train = all(load(5, 3, 50, 0.2).train());
        assertEquals(
                Arrays.toString(train), Arrays.toString(all(load(5, 3, 50, 0.2).train())));
        assertNotEquals(
                Arrays.toString(train), Arrays.toString(all(load(6, 3, 50, 0.2).train())));
        TabularDataset dataset = load(5, 3, 50, 0.2);
        float[] test = all(dataset.test());
        Set<Float> trainX = new HashSet<>();
        for (int i = 0; i < train.length; i += 2) {
            trainX.add(train[i]);
        }
        int shared = 0;
        for (int i = 0; i < test.length; i += 2) {
            shared += trainX.contains(test[i]) ? 1 : 0;
        }
        assertTrue(shared <= 3, "only the noise-free centre points may coincide, got " + shared);
    }

    @Test
    void limitKeepsAShuffledMixOfArms() {
        TabularDataset dataset = load(1, 3, 100, 0.2, "limit", 30L);
        assertEquals(30, dataset.train().size());
        assertEquals(300, dataset.test().size());
        Set<Integer> classes = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            classes.add(dataset.train().label(i));
        }
        assertEquals(Set.of(0, 1, 2), classes);
    }
}
