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
    /** The optimizer's state, {@code state[k][p]} its {@code k}-th tensor for parameter {@code p}, zeros at first. */
    Tensor[][] state = new Tensor[0][];

    private final int stateTensors;
    private FloatPass pass;

    /** @param stateTensors how many tensors of state the optimizer keeps a parameter, each of its shape: 0 to 2 */
    OnePassSteps(int stateTensors) {
        this.stateTensors = stateTensors;
    }

    /** The optimizer's float step, made once, at {@link #initialize}. */
    abstract FloatPass newPass();

    @Override
    public void initialize(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        if (pass == null) {
            pass = newPass();
        }
        this.state = new Tensor[stateTensors][];
        for (int k = 0; k < stateTensors; k++) {
            state[k] = OptimizerState.zerosLike(this.parameters);
        }
    }

    @Override
    public final void step(double learningRate) {
        step(learningRate, 0, false);
    }

    @Override
    public final double step(double learningRate, double weightDecay, boolean clearGradients) {
        double rate = beginStep(learningRate);
        double squares = 0;
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            Tensor value = parameter.value();
            Tensor gradient = parameter.gradient();
            double lambda = parameter.decays() ? weightDecay : 0;
            if (value.isFloat() && gradient.isFloat()) {
                pass.first = stateTensors > 0 ? state[0][p].floats() : null;
                pass.second = stateTensors > 1 ? state[1][p].floats() : null;
                pass.rate = (float) rate;
                squares += pass.run(value.floats(), gradient.floats(), (float) lambda, clearGradients);
                continue;
            }
            if (lambda != 0) {
                for (int i = 0; i < value.size(); i++) {
                    double w = value.get(i);
                    squares += w * w;
                    gradient.add(i, lambda * w);
                }
            }
            scalarStep(p, value, gradient, rate);
            if (clearGradients) {
                gradient.fill(0);
            }
        }
        return weightDecay == 0 ? 0 : 0.5 * weightDecay * squares;
    }

    /**
     * Sets up what every parameter's step shares, before the first (a step count), and returns the rate the steps
     * take: the learning rate, or a step size made from it.
     */
    double beginStep(double learningRate) {
        return learningRate;
    }

    /** The step of parameter {@code p} on values of any precision, weight decay already in its gradient. */
    abstract void scalarStep(int p, Tensor value, Tensor gradient, double rate);

    /** An adaptive step of entry {@code i}: {@code W ← W − numerator / (√square + ε)}, in double. */
    static void descend(Tensor value, int i, double numerator, double square, double epsilon) {
        value.set(i, value.get(i) - numerator / (Math.sqrt(square) + epsilon));
    }

    /**
     * An optimizer's step on float arrays, a block of {@link SplitLoop#BLOCK} at a time over the run's cores: weight
     * decay's penalty summed and its gradient {@code λ·w} added (in float), the optimizer's {@link #update}, the
     * gradient cleared. The parts begin at whole blocks, so each block's sum of squares is the same on any number
     * of threads, and the blocks' sums are added in order.
     */
    abstract static class FloatPass extends SplitLoop {
        float[] w;
        float[] g;
        /** The parameter's state arrays, in the order of the optimizer's state tensors; null past their number. */
        float[] first;

        float[] second;
        /** The rate {@link #beginStep} returned, rounded to float. */
        float rate;

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
