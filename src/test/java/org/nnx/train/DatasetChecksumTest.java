package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.builtins.data.FloatSplit;
import org.nnx.spi.Dataset;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/** The dataset checksum in provenance: SHA-256 over each sample's label and float32 features, big-endian. */
class DatasetChecksumTest {

    private record InMemory(Split train, Split test, int features) implements Dataset {
        @Override
        public List<String> classNames() {
            return List.of("a", "b", "c");
        }

        @Override
        public String description() {
            return "in memory";
        }
    }

    @Test
    void hashesLabelsAndFloatBitsBigEndianTrainingThenTest() {
        Dataset tiny = new InMemory(
                new FloatSplit(new float[] {0f, 1f, -0.5f, Float.POSITIVE_INFINITY}, new int[] {1, 2}, 2),
                new FloatSplit(new float[] {0.5f, 0.25f}, new int[] {0}, 2),
                2);
        // Python: sha256(struct.pack('>iff', 1, 0.0, 1.0) + struct.pack('>iff', 2, -0.5, inf)
        //                + struct.pack('>iff', 0, 0.5, 0.25))
        assertEquals("70e926ce2d9da1734ddf4a590958f89207c99a407ffc07b3feb6b94b7d013d82", DatasetChecksum.of(tiny));
    }

    @Test
    void chunksOfTheBulkCopyHashAsSampleBySampleBytes() throws Exception {
        // More than two chunks of 1 000 with a partial last one, odd widths, and NaNs with payloads kept as bits.
        SplittableRandom random = new SplittableRandom(5);
        Dataset data = new InMemory(split(random, 2_345, 13), split(random, 1_001, 13), 13);
        assertEquals(sampleBySample(data), DatasetChecksum.of(data));
    }

    @Test
    void oneBitOfOneFeatureChangesTheChecksum() {
        float[] values = new float[3_000 * 3];
        int[] labels = new int[3_000];
        Split test = new FloatSplit(new float[3], new int[1], 3);
        String before = DatasetChecksum.of(new InMemory(new FloatSplit(values.clone(), labels, 3), test, 3));
        values[2_500 * 3 + 2] = Float.MIN_VALUE;
        assertNotEquals(before, DatasetChecksum.of(new InMemory(new FloatSplit(values, labels, 3), test, 3)));
    }

    private static FloatSplit split(SplittableRandom random, int samples, int features) {
        float[] values = new float[samples * features];
        int[] labels = new int[samples];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % 97 == 0
                    ? Float.intBitsToFloat(0x7fc0_0000 | random.nextInt(1 << 22))
                    : (float) random.nextGaussian();
        }
        for (int i = 0; i < samples; i++) {
            labels[i] = random.nextInt(3);
        }
        return new FloatSplit(values, labels, features);
    }

    /** The layout as documented, one putInt and putFloat at a time. */
    private static String sampleBySample(Dataset data) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        int features = data.features();
        Tensor row = Tensor.zeros(1, features);
        for (Split split : List.of(data.train(), data.test())) {
            for (int sample = 0; sample < split.size(); sample++) {
                split.features(new int[] {sample}, 0, 1, row);
                ByteBuffer bytes = ByteBuffer.allocate((features + 1) * Float.BYTES);
                bytes.putInt(split.label(sample));
                for (float value : row.floats()) {
                    bytes.putFloat(value);
                }
                digest.update(bytes.array());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
