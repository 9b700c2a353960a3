package org.nnx.train;

import java.nio.ByteBuffer;
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

    private DatasetChecksum() {
    }

    static String of(Dataset dataset) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        int features = dataset.features();
        Tensor rows = Tensor.zeros(CHUNK, features);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK * (features + 1) * Float.BYTES);
        int[] indices = new int[CHUNK];
        for (Split split : new Split[] {dataset.train(), dataset.test()}) {
            for (int start = 0; start < split.size(); start += CHUNK) {
                int count = Math.min(CHUNK, split.size() - start);
                for (int i = 0; i < count; i++) {
                    indices[i] = start + i;
                }
                split.features(indices, 0, count, rows);
                bytes.clear();
                float[] values = rows.floats();
                for (int i = 0; i < count; i++) {
                    bytes.putInt(split.label(start + i));
                    for (int j = 0; j < features; j++) {
                        bytes.putFloat(values[i * features + j]);
                    }
                }
                digest.update(bytes.array(), 0, bytes.position());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
