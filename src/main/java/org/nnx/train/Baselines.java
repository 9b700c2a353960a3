package org.nnx.train;

import org.nnx.spi.Dataset;
import org.nnx.spi.Split;

/**
 * What a classifier scores on the test split with no learning, to read a run's accuracy against: guessing at
 * random, always answering the training set's most common class, and copying the label of the nearest training
 * sample. Computed once per experiment, from its data.
 *
 * @param chance           1 / classes
 * @param majorityClass    the most common class of the training labels (the lowest on a tie)
 * @param majority         the fraction of the test split of that class
 * @param nearestNeighbour the accuracy of the nearest neighbour (k = 1) on the features ({@link NearestNeighbour})
 */
public record Baselines(double chance, String majorityClass, double majority, double nearestNeighbour) {

    /** The baselines of {@code dataset}: its training split against its test split. */
    public static Baselines of(Dataset dataset) {
        Split train = dataset.train();
        Split test = dataset.test();
        int classes = dataset.classes();
        int[] counts = new int[classes];
        for (int i = 0; i < train.size(); i++) {
            counts[train.label(i)]++;
        }
        int majority = 0;
        for (int c = 1; c < classes; c++) {
            if (counts[c] > counts[majority]) {
                majority = c;
            }
        }
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            if (test.label(i) == majority) {
                right++;
            }
        }
        return new Baselines(
                1.0 / classes,
                dataset.classNames().get(majority),
                test.size() == 0 ? Double.NaN : (double) right / test.size(),
                NearestNeighbour.accuracy(train, test, dataset.features()));
    }
}
