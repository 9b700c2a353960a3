package org.nnx.nn;

import java.util.Arrays;
import java.util.List;
import org.nnx.spi.OnePassOptimizer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.SplitLoop;
import org.nnx.tensor.Tensor;

/**
 * What the built-in optimizers share: one pass over each parameter that adds weight decay's gradient, sums its
 * penalty, takes the optimizer's own step and clears the gradient ({@link OnePassOptimizer}). A float32 parameter
 * goes through the optimizer's {@link FloatPass}, block by block, so that each block's few loops run on values
 * already in the core's cache; anything else through its scalar code, on {@link Tensor#get}/{@link Tensor#set}.
 */
abstract class OnePassSteps implements OnePassOptimizer {
    List<Parameter> parameters = List.of();

    @Override
    public void initialize(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public final void step(double learningRate) {
        step(learningRate, 0, false);
    }

    @Override
    public final double step(double learningRate, double weightDecay, boolean clearGradients) {
        beginStep(learningRate);
        double squares = 0;
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            Tensor value = parameter.value();
            Tensor gradient = parameter.gradient();
            double lambda = parameter.decays() ? weightDecay : 0;
            if (value.isFloat() && gradient.isFloat()) {
                squares += floatPass(p, learningRate).run(value.floats(), gradient.floats(), (float) lambda, clearGradients);
                continue;
            }
            if (lambda != 0) {
                for (int i = 0; i < value.size(); i++) {
                    double w = value.get(i);
                    squares += w * w;
                    gradient.add(i, lambda * w);
                }
            }
            scalarStep(p, value, gradient, learningRate);
            if (clearGradients) {
                gradient.fill(0);
            }
        }
        return weightDecay == 0 ? 0 : 0.5 * weightDecay * squares;
    }

    /** Sets up what every parameter's step shares, before the first: a step count, a step size. */
    void beginStep(double learningRate) {}

    /** The float pass of parameter {@code p}, its state arrays set. */
    abstract FloatPass floatPass(int p, double learningRate);

    /** The step of parameter {@code p} on values of any precision, weight decay already in its gradient. */
    abstract void scalarStep(int p, Tensor value, Tensor gradient, double learningRate);

    /**
     * An optimizer's step on float arrays, a block of {@link SplitLoop#BLOCK} at a time over the run's cores: weight
     * decay's penalty summed and its gradient {@code λ·w} added (in float), the optimizer's {@link #update}, the
     * gradient cleared. The parts begin at whole blocks, so each block's sum of squares is the same on any number
     * of threads, and the blocks' sums are added in order.
     */
    abstract static class FloatPass extends SplitLoop {
        float[] w;
        float[] g;
        private float lambda;
        private boolean clear;
        private double[] blockSquares = new double[0];

        FloatPass() {
            super(CHEAP_ELEMENTS, BLOCK);
        }

        /** Steps {@code w} with gradient {@code g}; returns {@code Σw²} before the step when {@code lambda ≠ 0}, else 0. */
        final double run(float[] w, float[] g, float lambda, boolean clear) {
            this.w = w;
            this.g = g;
            this.lambda = lambda;
            this.clear = clear;
            int blocks = (w.length + BLOCK - 1) / BLOCK;
            if (lambda != 0 && blockSquares.length < blocks) {
                blockSquares = new double[blocks];
            }
            loop(w.length);
            double sum = 0;
            if (lambda != 0) {
                for (int b = 0; b < blocks; b++) {
                    sum += blockSquares[b];
                }
            }
            return sum;
        }

        @Override
        protected final void range(int from, int to) {
            if (lambda != 0) {
                blockSquares[from / BLOCK] = squares(w, from, to);
                float l = lambda;
                for (int i = from; i < to; i++) {
                    g[i] += l * w[i];
                }
            }
            update(from, to);
            if (clear) {
                Arrays.fill(g, from, to, 0f);
            }
        }

        /** The optimizer's step on entries {@code [from, to)}, in float, weight decay already in {@code g}. */
        protected abstract void update(int from, int to);

        /**
         * {@code Σ w[i]²} over {@code [from, to)} in double, in four interleaved sums so that the additions do not
         * wait on one another: {@code from} is a multiple of 4, so each entry goes to the same sum on any thread.
         */
        static double squares(float[] w, int from, int to) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int i = from;
            for (; i + 3 < to; i += 4) {
                double a = w[i];
                double b = w[i + 1];
                double c = w[i + 2];
                double d = w[i + 3];
                s0 += a * a;
                s1 += b * b;
                s2 += c * c;
                s3 += d * d;
            }
            for (; i < to; i++) {
                double a = w[i];
                s0 += a * a;
            }
            return (s0 + s1) + (s2 + s3);
        }
    }
}
