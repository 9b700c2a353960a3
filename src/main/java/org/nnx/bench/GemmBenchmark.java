package org.nnx.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nnx.tensor.Blas;

/**
 * GFLOP/s of one backend's {@code sgemm} on the matrix products a training step of the two reference
 * models makes, as the layers call them (row-major, with the same transposes), and on a 1024² square for
 * the backend's peak. Tells how far a model's speed is bound by its matrix products.
 */
public final class GemmBenchmark {

    /**
     * One matrix product {@code c(m×n) = op(a)·op(b)} with inner size k.
     *
     * @param label what the product is in the layer, e.g. {@code fwd1 x·W1}
     */
    public record Shape(String label, int m, int n, int k, boolean transA, boolean transB) {
        double flops() {
            return 2.0 * m * n * k;
        }
    }

    /** One measured shape. */
    public record Measurement(Shape shape, double gflops, double microsecondsPerCall) {}

    /** The products of a step of a dense network of the given widths at the given batch size. */
    public static List<Shape> stepShapes(String model, int batch, int... widths) {
        List<Shape> shapes = new ArrayList<>();
        for (int layer = 0; layer + 1 < widths.length; layer++) {
            shapes.add(new Shape(
                    model + " fwd" + (layer + 1) + " x·W", batch, widths[layer + 1], widths[layer], false, false));
        }
        for (int layer = widths.length - 2; layer >= 0; layer--) {
            shapes.add(new Shape(
                    model + " bwd" + (layer + 1) + " xᵀ·dy", widths[layer], widths[layer + 1], batch, true, false));
            shapes.add(new Shape(
                    model + " bwd" + (layer + 1) + " dy·Wᵀ", batch, widths[layer], widths[layer + 1], false, true));
        }
        return shapes;
    }

    /** The products of both reference models, then a square for the peak. */
    public static List<Shape> referenceShapes() {
        List<Shape> shapes = new ArrayList<>(stepShapes("small", 100, 784, 50, 10));
        shapes.addAll(stepShapes("big", 128, 784, 512, 256, 10));
        shapes.add(new Shape("square 1024²", 1024, 1024, 1024, false, false));
        return shapes;
    }

    private GemmBenchmark() {}

    /** Measures every shape: the median over blocks of calls, each block lasting about {@code blockMillis}. */
    public static List<Measurement> measure(Blas blas, List<Shape> shapes, int blockMillis, int blocks) {
        List<Measurement> results = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        for (Shape shape : shapes) {
            float[] a = randomArray(random, shape.m() * shape.k());
            float[] b = randomArray(random, shape.k() * shape.n());
            float[] c = new float[shape.m() * shape.n()];
            int lda = shape.transA() ? shape.m() : shape.k();
            int ldb = shape.transB() ? shape.k() : shape.n();
            Runnable call = () -> blas.sgemm(
                    shape.transA(),
                    shape.transB(),
                    shape.m(),
                    shape.n(),
                    shape.k(),
                    1f,
                    a,
                    lda,
                    b,
                    ldb,
                    0f,
                    c,
                    shape.n());
            int calls = 1;
            while (true) {
                long started = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    call.run();
                }
                if ((System.nanoTime() - started) / 1e6 >= blockMillis) {
                    break;
                }
                calls *= 2;
            }
            double[] seconds = new double[blocks];
            for (int block = 0; block < blocks; block++) {
                long started = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    call.run();
                }
                seconds[block] = (System.nanoTime() - started) / 1e9 / calls;
            }
            Arrays.sort(seconds);
            double median = seconds[blocks / 2];
            results.add(new Measurement(shape, shape.flops() / median / 1e9, median * 1e6));
        }
        return results;
    }

    /** Prints one line a shape, and per model the time a step's products take. */
    public static void print(Blas blas, List<Measurement> measurements, PrintStream out) {
        out.println("sgemm on " + blas.name());
        double small = 0;
        double big = 0;
        for (Measurement measurement : measurements) {
            Shape shape = measurement.shape();
            out.printf(
                    Locale.ROOT,
                    "  %-24s %4d×%-4d·%4d  %s%s  %8.1f GFLOP/s  %9.1f µs%n",
                    shape.label(),
                    shape.m(),
                    shape.n(),
                    shape.k(),
                    shape.transA() ? "T" : "N",
                    shape.transB() ? "T" : "N",
                    measurement.gflops(),
                    measurement.microsecondsPerCall());
            if (shape.label().startsWith("small")) {
                small += measurement.microsecondsPerCall();
            } else if (shape.label().startsWith("big")) {
                big += measurement.microsecondsPerCall();
            }
        }
        out.printf(
                Locale.ROOT,
                "  products of a step: small %.0f µs (≤ %.0f samples/s), big %.0f µs (≤ %.0f samples/s)%n",
                small,
                100 / (small / 1e6),
                big,
                128 / (big / 1e6));
    }

    private static float[] randomArray(SplittableRandom random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextDouble() - 0.5);
        }
        return values;
    }
}
