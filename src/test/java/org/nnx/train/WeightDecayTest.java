package org.nnx.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.check.GradientCheck;
import org.nnx.nn.Dense;
import org.nnx.nn.SoftmaxCrossEntropy;
import org.nnx.nn.Tanh;
import org.nnx.nn.XavierInitializer;
import org.nnx.spi.Parameter;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/** {@code weight_decay λ}: λ/2·Σ‖W‖² on the loss, λ·W on the gradient, weights only. */
class WeightDecayTest {
    private static final double LAMBDA = 0.3;

    @Test
    void gradientMatchesCentralDifferencesOfLossPlusPenalty() {
        SplittableRandom random = new SplittableRandom(40);
        Network network = new Network(List.of(
                new Dense(3, 4, true, new XavierInitializer(), Precision.FLOAT64, random),
                new Tanh(),
                new Dense(4, 2, true, new XavierInitializer(), Precision.FLOAT64, random)));
        for (Parameter parameter : network.parameters()) {
            for (int i = 0; i < parameter.value().size(); i++) {
                parameter.value().set(i, random.nextGaussian());
            }
        }
        Tensor x = Tensor.zeros(Precision.FLOAT64, 5, 3);
        Tensor t = Tensor.zeros(Precision.FLOAT64, 5, 2);
        for (int r = 0; r < 5; r++) {
            for (int j = 0; j < 3; j++) {
                x.set(r, j, random.nextGaussian());
            }
            t.set(r, random.nextInt(2), 1);
        }
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        WeightDecay decay = new WeightDecay(LAMBDA, network.parameters());

        network.zeroGradients();
        loss.forward(network.forward(x, true), t);
        network.backward(loss.backward());
        List<Tensor> backpropOnly = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            backpropOnly.add(parameter.gradient().copy());
        }
        decay.addGradients();

        double h = 1e-5;
        for (int p = 0; p < network.parameters().size(); p++) {
            Parameter parameter = network.parameters().get(p);
            for (int i = 0; i < parameter.value().size(); i++) {
                double original = parameter.value().get(i);
                parameter.value().set(i, original + h);
                double up = loss.forward(network.forward(x, true), t) + decay.penalty();
                parameter.value().set(i, original - h);
                double down = loss.forward(network.forward(x, true), t) + decay.penalty();
                parameter.value().set(i, original);
                double numerical = (up - down) / (2 * h);
                double error = GradientCheck.relativeError(parameter.gradient().get(i), numerical, 1e-4);
                assertTrue(error < 1e-7, parameter.name() + "[" + i + "] error " + error);
                if (!parameter.decays()) {
                    assertEquals(
                            backpropOnly.get(p).get(i), parameter.gradient().get(i), "biases do not decay");
                }
            }
        }
    }

    @Test
    void penaltyIsHalfLambdaTimesSquaredWeights() {
        Parameter w =
                new Parameter("W", Tensor.wrap(1, 2, new double[] {3, -4}), Tensor.wrap(1, 2, new double[2]), true);
        Parameter b = new Parameter("b", Tensor.wrap(1, 1, new double[] {10}), Tensor.wrap(1, 1, new double[1]), false);
        WeightDecay decay = new WeightDecay(0.1, List.of(w, b));
        assertEquals(0.05 * 25, decay.penalty(), 1e-15);
        decay.addGradients();
        assertEquals(0.3, w.gradient().get(0), 1e-15);
        assertEquals(-0.4, w.gradient().get(1), 1e-15);
        assertEquals(0.0, b.gradient().get(0));
    }

    @Test
    void reportedLossesIncludeThePenalty() {
        // Learning rate 0: the weights stay at their initial values, so the only difference is the penalty.
        TestRuns plain = TestRuns.model(TestRuns.dense(20), "relu", TestRuns.dense(10))
                .learningRate(0)
                .validation(0.25)
                .iterations(2)
                .evaluateEvery(2);
        List<Network> trained = new ArrayList<>();
        RunResult without = plain.train(TestRuns.digits(400), 400, network -> {});
        RunResult with = plain.weightDecay(LAMBDA).train(TestRuns.digits(400), 400, trained::add);
        double penalty = 0;
        for (Parameter parameter : trained.get(0).parameters()) {
            if (parameter.decays()) {
                for (int i = 0; i < parameter.value().size(); i++) {
                    penalty += parameter.value().get(i) * parameter.value().get(i);
                }
            }
        }
        penalty *= LAMBDA / 2;
        assertTrue(penalty > 1, "a visible penalty: " + penalty);
        MetricsRow a = without.metrics().get(1);
        MetricsRow b = with.metrics().get(1);
        assertEquals(a.loss() + penalty, b.loss(), 1e-9 * penalty);
        assertEquals(a.validationLoss() + penalty, b.validationLoss(), 1e-9 * penalty);
        assertEquals(a.validationAccuracy(), b.validationAccuracy());
    }

    @Test
    void decayShrinksWeightsDuringTraining() {
        TestRuns run =
                TestRuns.model(TestRuns.dense(20), "relu", TestRuns.dense(10)).iterations(30);
        List<Network> plain = new ArrayList<>();
        List<Network> decayed = new ArrayList<>();
        run.train(TestRuns.digits(500), 500, plain::add);
        run.weightDecay(0.5).train(TestRuns.digits(500), 500, decayed::add);
        assertTrue(
                norm(decayed.get(0)) < 0.95 * norm(plain.get(0)), norm(decayed.get(0)) + " vs " + norm(plain.get(0)));
    }

    private static double norm(Network network) {
        double sum = 0;
        for (Parameter parameter : network.parameters()) {
            if (parameter.decays()) {
                for (int i = 0; i < parameter.value().size(); i++) {
                    sum += parameter.value().get(i) * parameter.value().get(i);
                }
            }
        }
        return Math.sqrt(sum);
    }
}
