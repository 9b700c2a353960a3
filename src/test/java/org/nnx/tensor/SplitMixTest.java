package org.nnx.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMixTest {

    @Test
    void continuesASplittableRandomDrawForDraw() {
        for (long seed : new long[] {0, 1, 42, -7}) {
            SplittableRandom parent = new SplittableRandom(seed);
            SplittableRandom child = parent.split();
            SplittableRandom reference = new SplittableRandom(seed).split();
            SplitMix stream = SplitMix.continuing(child);
            for (int k = 1; k <= 1000; k++) {
                assertEquals(reference.nextDouble(), stream.uniform(k), "seed " + seed + " draw " + k);
            }
            assertEquals(new SplittableRandom(seed).split().nextLong(), stream.draw(1));
        }
    }

    @Test
    void unmixUndoesMix() {
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 1000; i++) {
            long z = random.nextLong();
            assertEquals(z, SplitMix.unmix64(SplitMix.mix64(z)));
        }
    }
}
