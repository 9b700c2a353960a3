package org.nnx.nn;

import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.nnx.spi.DrawsRandomNumbers;
import org.nnx.spi.Freezable;
import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.SplitMix;
import org.nnx.tensor.Tensor;

/**
 * Inverted dropout: while training, each input entry is zeroed with probability {@code rate} and the ones
 * kept are scaled by {@code 1 / (1 − rate)}, so that the expected output equals the input and evaluation
 * needs no rescaling; while evaluating, the layer passes its input through unchanged.
 *
 * <p>Forward keeps the mask (0 or {@code 1 / (1 − rate)} an entry) for backward, {@code dx = dy ⊙ mask}. The
 * mask is drawn from the layer's own random stream, derived from the run's at construction, so a run is
 * bit-reproducible from its seed; {@link #freeze frozen}, the layer reuses its last mask.
 *
 * <p>Entry {@code i} of a mask is decided by draw {@code k = drawn + i + 1} of the stream ({@link SplitMix}),
 * computed directly from {@code k}: a float mask is drawn and applied in one pass, in parts over a run's core
 * group, with the same bits on any number of threads, and the same as drawing {@code nextDouble()} entry after
 * entry from the layer's {@link SplittableRandom}.
 */
public final class Dropout implements Freezable, DrawsRandomNumbers {
    private final double rate;
    private final SplitMix stream;
    /** Draws taken so far: the next mask starts at draw {@code drawn + 1}. */
    private long drawn;

    private boolean frozen;
    private final MaskLoop maskLoop = new MaskLoop();

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
        RandomGenerator own = random instanceof RandomGenerator.SplittableGenerator splittable
                ? splittable.split()
                : new SplittableRandom(random.nextLong());
        this.stream = SplitMix.continuing(
                own instanceof SplittableRandom splitMix ? splitMix : new SplittableRandom(own.nextLong()));
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
            mask = Tensor.reuseOrAllocate(mask, input.precision(), input.rows(), input.cols());
            if (input.isFloat()) {
                maskLoop.x = input.floats();
                maskLoop.mask = mask.floats();
                maskLoop.y = output.floats();
                maskLoop.set(stream, drawn, rate);
                maskLoop.loop(maskLoop.x.length);
                drawn += mask.size();
                return output;
            }
            drawMask();
        }
        multiply(input, mask, output);
        return output;
    }

    private void drawMask() {
        double keptScale = 1.0 / (1.0 - rate);
        for (int i = 0; i < mask.size(); i++) {
            // A uniform draw in [0, 1): an entry survives with probability 1 − rate; rate 0 keeps everything.
            mask.set(i, stream.uniform(drawn + i + 1) < rate ? 0.0 : keptScale);
        }
        drawn += mask.size();
    }

    @Override
    public Tensor backward(Tensor outputGradient) {
        inputGradient = Activations.inputGradient(output, outputGradient, inputGradient);
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
        return drawn;
    }

    /** A mask entry is decided by its draw's index alone: skipping draws is moving the index. */
    @Override
    public void skipRandomDraws(long skipped) {
        drawn += skipped;
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

    /** Draws a float mask and applies it, {@code y = x ⊙ mask}, in one pass over the entries. */
    private static final class MaskLoop extends SplitLoop {
        float[] x;
        float[] mask;
        float[] y;
        private SplitMix stream;
        private long first;
        private double rate;
        private float kept;

        /** A 64-bit hash an element is worth more cores from a few thousand elements on. */
        MaskLoop() {
            super(4096);
        }

        void set(SplitMix stream, long drawn, double rate) {
            this.stream = stream;
            this.first = drawn + 1;
            this.rate = rate;
            this.kept = (float) (1.0 / (1.0 - rate));
        }

        @Override
        protected void range(int from, int to) {
            for (int i = from; i < to; i++) {
                float m = stream.uniform(first + i) < rate ? 0f : kept;
                mask[i] = m;
                y[i] = x[i] * m;
            }
        }
    }
}
