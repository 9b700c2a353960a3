package org.nnx.tensor;

import java.util.SplittableRandom;

/**
 * A SplitMix64 stream, {@link SplittableRandom}'s generator, whose {@code k}-th draw is computed directly as
 * {@code mix64(seed + k·gamma)}: a mask of random draws can then be filled in parts, on any thread of a
 * {@link CoreGroup}, with the same bits for any number of threads.
 *
 * <p>{@link #continuing} takes over the stream of a {@link SplittableRandom} as it is: its next draws are the
 * ones this stream gives from {@code k = 1} on. It reads the generator's seed and gamma from two draws (mix64
 * is invertible) and checks a third; on a Java whose {@link SplittableRandom} computes otherwise the check
 * fails, and the stream is seeded from the generator's next draw instead, still deterministic per seed.
 */
public final class SplitMix {
    private static final long MIX1 = 0xbf58476d1ce4e5b9L;
    private static final long MIX2 = 0x94d049bb133111ebL;
    private static final long MIX1_INVERSE = inverse(MIX1);
    private static final long MIX2_INVERSE = inverse(MIX2);
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final long seed;
    private final long gamma;

    private SplitMix(long seed, long gamma) {
        this.seed = seed;
        this.gamma = gamma;
    }

    /** The stream {@code random}'s next draws would give; {@code random} itself is used up for it. */
    public static SplitMix continuing(SplittableRandom random) {
        long first = unmix64(random.nextLong());
        long second = unmix64(random.nextLong());
        long gamma = second - first;
        SplitMix stream = new SplitMix(first - gamma, gamma);
        if (random.nextLong() == stream.draw(3)) {
            return stream;
        }
        return new SplitMix(random.nextLong(), GOLDEN_GAMMA);
    }

    /** The {@code k}-th draw, {@code k ≥ 1}: what the {@code k}-th {@code nextLong()} of the stream returns. */
    public long draw(long k) {
        return mix64(seed + k * gamma);
    }

    /** The {@code k}-th draw as {@code nextDouble()} makes it: the top 53 bits, uniform in [0, 1). */
    public double uniform(long k) {
        return (draw(k) >>> 11) * 0x1.0p-53;
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * MIX1;
        z = (z ^ (z >>> 27)) * MIX2;
        return z ^ (z >>> 31);
    }

    static long unmix64(long z) {
        z = z ^ (z >>> 31) ^ (z >>> 62);
        z *= MIX2_INVERSE;
        z = z ^ (z >>> 27) ^ (z >>> 54);
        z *= MIX1_INVERSE;
        return z ^ (z >>> 30) ^ (z >>> 60);
    }

    /** The inverse of an odd number modulo 2⁶⁴, by Newton's iteration (each step doubles the correct bits). */
    private static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 6; i++) {
            x *= 2 - odd * x;
        }
        return x;
    }
}
