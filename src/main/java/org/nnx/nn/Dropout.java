package org.nnx.nn;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nnx.spi.DrawsRandomNumbers;
import org.nnx.spi.Freezable;
import org.nnx.tensor.Tensor;

/**
 * Inverted dropout: while training, each input entry is zeroed with probability {@code rate} and the ones
 * kept are scaled by {@code 1 / (1 − rate)}, so that the expected output equals the input and evaluation
 * needs no rescaling; while evaluating, the layer passes its input through unchanged.
 *
 * <p>Forward keeps the mask (0 or {@code 1 / (1 − rate)} an entry) for backward, {@code dx = dy ⊙ mask}. The
 * mask is drawn from the layer's own random stream, derived from the run's at construction, so a run is
 * bit-reproducible from its seed; {@link #freeze frozen}, the layer reuses its last mask.
 */
public final class Dropout implements Freezable, DrawsRandomNumbers {
    private final double rate;
    private final RandomGenerator random;
    private boolean frozen;
    private long draws;

    private Tensor mask;
    private boolean lastTraining;
    private Tensor output;
    private Tensor inputGradient;

    /**
     * @param rate   the probability of dropping an entry, in [0, 1)
     * @param random the run's source of randomness; the layer splits a stream of its own off it when it is
     *               splittable (as the trainer's {@link SplittableRandom} is), else seeds one from it
     */
    public Dropout(double rate, RandomGenerator random) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1): " + rate);
        }
        Objects.requireNonNull(random, "random");
        this.rate = rate;
        this.random = random instanceof RandomGenerator.SplittableGenerator splittable
                ? splittable.split()
                : new SplittableRandom(random.nextLong());
    }

    public double rate() {
        return rate;
    }

    /** The mask of the last training forward: 0 or {@code 1 / (1 − rate)} per entry; null before the first. */
    public Tensor mask() {
        return mask;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        output = Tensor.reuseOrAllocate(output, input.precision(), input.rows(), input.cols());
        lastTraining = training;
        if (!training) {
            output.copyFrom(input);
            return output;
        }
        if (frozen) {
            if (mask == null || mask.rows() != input.rows() || mask.cols() != input.cols()) {
                throw new IllegalStateException("a frozen dropout layer has no mask of shape " + input.shape());
            }
        } else {
            drawMask(input);
        }
        multiply(input, mask, output);
        return output;
    }

    private void drawMask(Tensor input) {
        mask = Tensor.reuseOrAllocate(mask, input.precision(), input.rows(), input.cols());
        double keptScale = 1.0 / (1.0 - rate);
        for (int i = 0; i < mask.size(); i++) {
            // nextDouble() is in [0, 1): an entry survives with probability 1 − rate; rate 0 keeps everything.
            mask.set(i, random.nextDouble() < rate ? 0.0 : keptScale);
        }
        draws += mask.size();
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        Activations.checkBackward(output, outputGradient);
        inputGradient = Tensor.reuseOrAllocate(inputGradient, output.precision(), output.rows(), output.cols());
        if (lastTraining) {
            multiply(outputGradient, mask, inputGradient);
        } else {
            inputGradient.copyFrom(outputGradient);
        }
        return inputGradient;
    }

    /** {@code into = a ⊙ b}, element by element. */
    private static void multiply(Tensor a, Tensor b, Tensor into) {
        if (a.isFloat() && b.isFloat() && into.isFloat()) {
            float[] x = a.floats();
            float[] m = b.floats();
            float[] y = into.floats();
            for (int i = 0; i < y.length; i++) {
                y[i] = x[i] * m[i];
            }
        } else {
            for (int i = 0; i < into.size(); i++) {
                into.set(i, a.get(i) * b.get(i));
            }
        }
    }

    @Override
    public long randomDraws() {
        return draws;
    }

    /** Each mask entry is one {@code nextDouble()}: skipping replays exactly the draws made. */
    @Override
    public void skipRandomDraws(long skipped) {
        for (long i = 0; i < skipped; i++) {
            random.nextDouble();
        }
        draws += skipped;
    }

    @Override
    public void freeze(boolean frozen) {
        this.frozen = frozen;
    }

    @Override
    public void copyFrozenState(Freezable source) {
        if (!(source instanceof Dropout other)) {
            throw new IllegalArgumentException("cannot copy a dropout mask from " + source);
        }
        if (other.mask == null) {
            mask = null;
            return;
        }
        mask = Tensor.reuseOrAllocate(mask, other.mask.precision(), other.mask.rows(), other.mask.cols());
        mask.copyFrom(other.mask);
    }
}
