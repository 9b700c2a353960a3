package org.nnx.saved;

import java.util.List;

/**
 * How a model does on labelled samples.
 *
 * @param confusion {@code confusion[truth][predicted]}: how many samples of class {@code truth} it called
 *                  {@code predicted}
 * @param loss      the mean loss of the model's own loss function, without any weight-decay penalty
 */
public record Evaluation(List<String> classNames, long[][] confusion, double loss) {
    public Evaluation {
        classNames = List.copyOf(classNames);
        confusion = confusion.clone();
    }

    public long samples() {
        long total = 0;
        for (long[] row : confusion) {
            for (long n : row) {
                total += n;
            }
        }
        return total;
    }

    public long correct() {
        long correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        return correct;
    }

    /** The fraction classified right, as training reports it; NaN without samples. */
    public double accuracy() {
        long samples = samples();
        return samples == 0 ? Double.NaN : (double) correct() / samples;
    }
}
