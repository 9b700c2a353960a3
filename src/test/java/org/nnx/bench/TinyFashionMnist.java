package org.nnx.bench;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A few hundred made-up images in Fashion-MNIST's four gzipped IDX files. An image's class is told by which
 * tenth of the picture is bright, so that a net can learn them; the same counts give the same bytes.
 */
final class TinyFashionMnist {
    private TinyFashionMnist() {}

    /** Writes {@code train} training and {@code test} test images with their labels into {@code folder}. */
    static void write(Path folder, int train, int test) throws IOException {
        writeSplit(folder, "train", train, new SplittableRandom(1));
        writeSplit(folder, "t10k", test, new SplittableRandom(2));
    }

    private static void writeSplit(Path folder, String prefix, int count, SplittableRandom random) throws IOException {
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = random.nextInt(10);
            labels[i] = (byte) label;
            for (int p = label * 78; p < label * 78 + 78; p++) {
                pixels[i * 784 + p] = (byte) (128 + random.nextInt(128));
            }
        }
        writeIdx(folder.resolve(prefix + "-images-idx3-ubyte.gz"), new int[] {count, 28, 28}, pixels);
        writeIdx(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[] {count}, labels);
    }

    private static void writeIdx(Path file, int[] dimensions, byte[] values) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream idx = new DataOutputStream(new GZIPOutputStream(raw))) {
            idx.writeInt(0x0800 | dimensions.length);
            for (int dimension : dimensions) {
                idx.writeInt(dimension);
            }
            idx.write(values);
        }
    }
}
