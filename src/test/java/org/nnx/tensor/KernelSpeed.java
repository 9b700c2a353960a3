package org.nnx.tensor;

import java.util.SplittableRandom;

/**
 * Prints the time an element of tanh's float loop takes against {@code (float) Math.tanh}, on one thread, a block
 * of 4 096 floats at a time as a layer's loop runs it. A main, not a test: timings do not belong in assertions.
 * {@code java -cp target/classes:target/test-classes org.nnx.tensor.KernelSpeed}
 */
public final class KernelSpeed {
    private KernelSpeed() {}

    public static void main(String[] args) {
        float[] x = new float[4096];
        float[] y = new float[4096];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextGaussian() * 2);
        }
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            int repeats = 2000;
            for (int r = 0; r < repeats; r++) {
                FloatMath.tanh(x, y, 0, x.length);
            }
            double fast = (System.nanoTime() - start) / (double) repeats / x.length;
            start = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                for (int i = 0; i < x.length; i++) {
                    y[i] = (float) Math.tanh(x[i]);
                }
            }
            double plain = (System.nanoTime() - start) / (double) repeats / x.length;
            System.out.printf("tanh: FloatMath %.2f ns/element, Math.tanh %.2f ns/element%n", fast, plain);
        }
    }
}
