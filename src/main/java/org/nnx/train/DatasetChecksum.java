package org.nnx.train;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.nnx.spi.Dataset;
import org.nnx.spi.Split;
import org.nnx.tensor.Tensor;

/**
 * The SHA-256 of a dataset as the network sees it: every training then test sample's label and features
 * (float32 bits, big-endian), so two runs that report the same checksum trained on the same numbers,
 * whatever files or generator they came from.
 */
final class DatasetChecksum {
    private static final int CHUNK = 1000;

    private DatasetChecksum() {}

    static String of(Dataset dataset) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        int features = dataset.features();
        int sampleBytes = (features + 1) * Float.BYTES;
        Tensor rows = Tensor.zeros(CHUNK, features);
        // Big-endian, as ByteBuffers are; the views' bulk puts swap bytes in native code rather than a loop.
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK * sampleBytes);
        IntBuffer labels = bytes.asIntBuffer();
        FloatBuffer values = bytes.asFloatBuffer();
        int[] indices = new int[CHUNK];
        for (Split split : new Split[] {dataset.train(), dataset.test()}) {
            for (int start = 0; start < split.size(); start += CHUNK) {
                int count = Math.min(CHUNK, split.size() - start);
                for (int i = 0; i < count; i++) {
                    indices[i] = start + i;
                }
                split.features(indices, 0, count, rows);
                float[] floats = rows.floats();
                for (int i = 0; i < count; i++) {
                    labels.put(i * (features + 1), split.label(start + i));
                    values.put(i * (features + 1) + 1, floats, i * features, features);
                }
                digest.update(bytes.array(), 0, count * sampleBytes);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
