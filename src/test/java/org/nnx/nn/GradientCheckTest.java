package org.nnx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nnx.nn.LayerSequence.assertPasses;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nnx.check.GradientCheck;
import org.nnx.spi.Layer;
import org.nnx.tensor.Precision;
import org.nnx.tensor.Tensor;

/** Every differentiable piece of the package against central differences, in float64. */
class GradientCheckTest {
    private final GradientCheck check = new GradientCheck();

    @Test
    void denseWithBias() {
        SplittableRandom random = new SplittableRandom(10);
        Dense dense = new Dense(4, 3, true, new XavierInitializer(), Precision.FLOAT64, random);
        // A non-zero bias, so that forward's use of it is exercised too.
        for (int j = 0; j < 3; j++) {
            dense.bias().value().set(j, random.nextGaussian());
        }
        GradientCheck.Result result = check.check(dense, TestTensors.gaussian(random, 5, 4), random);
        assertEquals(List.of("W", "b"), List.copyOf(result.parameterErrors().keySet()));
        assertPasses(result);
    }

    @Test
    void denseWithoutBias() {
        SplittableRandom random = new SplittableRandom(11);
        Dense dense = new Dense(6, 2, false, new GaussianInitializer(0.5), Precision.FLOAT64, random);
        GradientCheck.Result result = check.check(dense, TestTensors.gaussian(random, 3, 6), random);
        assertEquals(List.of("W"), List.copyOf(result.parameterErrors().keySet()));
        assertPasses(result);
    }

    @Test
    void sigmoid() {
        SplittableRandom random = new SplittableRandom(12);
        assertPasses(check.check(new Sigmoid(), TestTensors.gaussian(random, 4, 5), random));
    }

    @Test
    void relu() {
        SplittableRandom random = new SplittableRandom(13);
        assertPasses(check.check(new Relu(), TestTensors.awayFromZero(random, 4, 5, 0.1), random));
    }

    @Test
    void tanh() {
        SplittableRandom random = new SplittableRandom(14);
        assertPasses(check.check(new Tanh(), TestTensors.gaussian(random, 4, 5), random));
    }

    @Test
    void leakyRelu() {
        SplittableRandom random = new SplittableRandom(15);
        assertPasses(check.check(new LeakyRelu(0.1), TestTensors.awayFromZero(random, 4, 5, 0.1), random));
    }

    @Test
    void softmax() {
        SplittableRandom random = new SplittableRandom(16);
        assertPasses(check.check(new Softmax(), TestTensors.gaussian(random, 4, 6), random));
    }

    @Test
    void softmaxCrossEntropyWithOneHotTargets() {
        SplittableRandom random = new SplittableRandom(17);
        assertPasses(check.checkLoss(
                new SoftmaxCrossEntropy(), TestTensors.gaussian(random, 5, 4), TestTensors.oneHot(random, 5, 4)));
    }

    @Test
    void softmaxCrossEntropyWithSoftTargets() {
        SplittableRandom random = new SplittableRandom(18);
        Tensor targets = Tensor.zeros(Precision.FLOAT64, 3, 4);
        Softmax.softmaxRows(TestTensors.gaussian(random, 3, 4), targets);
        assertPasses(check.checkLoss(new SoftmaxCrossEntropy(), TestTensors.gaussian(random, 3, 4), targets));
    }

    @Test
    void meanSquaredError() {
        SplittableRandom random = new SplittableRandom(19);
        assertPasses(check.checkLoss(
                new MeanSquaredError(), TestTensors.gaussian(random, 5, 3), TestTensors.gaussian(random, 5, 3)));
    }

    @Test
    void twoLayerNetworkUnderALoss() {
        SplittableRandom random = new SplittableRandom(20);
        LayerSequence network = new LayerSequence(
                new Dense(5, 4, true, new HeInitializer(), Precision.FLOAT64, random),
                new Tanh(),
                new Dense(4, 3, true, new XavierInitializer(), Precision.FLOAT64, random));
        GradientCheck.Result result = check.check(
                network,
                TestTensors.gaussian(random, 6, 5),
                new SoftmaxCrossEntropy(),
                TestTensors.oneHot(random, 6, 3));
        // Repeated names are told apart by their position in parameters().
        assertEquals(
                List.of("W#0", "b#1", "W#2", "b#3"),
                List.copyOf(result.parameterErrors().keySet()));
        assertPasses(result);
    }

    @Test
    void batchNormInTrainingMode() {
        SplittableRandom random = new SplittableRandom(30);
        BatchNorm norm = scrambled(new BatchNorm(5, 0.9, 1e-5, Precision.FLOAT64), random);
        // Shifted and scaled columns, so that the batch statistics are far from 0 and 1.
        Tensor input = TestTensors.gaussian(random, 6, 5);
        for (int i = 0; i < input.size(); i++) {
            input.set(i, 3.0 * input.get(i) + 2.0);
        }
        GradientCheck.Result result = check.check(norm, input, random);
        assertEquals(
                List.of("gamma", "beta"), List.copyOf(result.parameterErrors().keySet()));
        assertPasses(result);
    }

    @Test
    void batchNormInEvaluationMode() {
        SplittableRandom random = new SplittableRandom(31);
        BatchNorm norm = scrambled(new BatchNorm(4, 0.5, 1e-5, Precision.FLOAT64), random);
        norm.forward(TestTensors.gaussian(random, 8, 4), true);
        assertPasses(check.withTraining(false).check(norm, TestTensors.gaussian(random, 3, 4), random));
    }

    @Test
    void batchNormInsideANetworkUnderALoss() {
        SplittableRandom random = new SplittableRandom(32);
        LayerSequence network = new LayerSequence(
                new Dense(5, 4, true, new HeInitializer(), Precision.FLOAT64, random),
                scrambled(new BatchNorm(4, 0.9, 1e-5, Precision.FLOAT64), random),
                new Tanh(),
                new Dense(4, 3, true, new XavierInitializer(), Precision.FLOAT64, random));
        assertPasses(check.check(
                network,
                TestTensors.gaussian(random, 7, 5),
                new SoftmaxCrossEntropy(),
                TestTensors.oneHot(random, 7, 3)));
    }

    @Test
    void dropoutWithItsMaskHeldFixed() {
        SplittableRandom random = new SplittableRandom(33);
        Dropout dropout = new Dropout(0.4, random);
        Tensor input = TestTensors.gaussian(random, 5, 6);
        dropout.forward(input, true);
        dropout.freeze(true);
        GradientCheck.Result result = check.check(dropout, input, random);
        assertPasses(result);
        // The mask was really in use: some entries were dropped.
        int dropped = 0;
        for (int i = 0; i < dropout.mask().size(); i++) {
            dropped += dropout.mask().get(i) == 0 ? 1 : 0;
        }
        assertTrue(dropped > 0 && dropped < 30, dropped + " dropped");
    }

    @Test
    void dropoutInsideANetworkUnderALoss() {
        SplittableRandom random = new SplittableRandom(34);
        Dropout dropout = new Dropout(0.5, random);
        LayerSequence network = new LayerSequence(
                new Dense(6, 5, true, new HeInitializer(), Precision.FLOAT64, random),
                new Sigmoid(),
                dropout,
                new Dense(5, 3, true, new XavierInitializer(), Precision.FLOAT64, random));
        Tensor input = TestTensors.gaussian(random, 4, 6);
        network.forward(input, true);
        dropout.freeze(true);
        assertPasses(check.check(network, input, new MeanSquaredError(), TestTensors.oneHot(random, 4, 3)));
    }

    /** The layer with γ and β drawn at random, so that neither is a trivial 1 or 0. */
    private static BatchNorm scrambled(BatchNorm norm, SplittableRandom random) {
        for (int j = 0; j < norm.gamma().value().size(); j++) {
            norm.gamma().value().set(j, 0.5 + random.nextDouble());
            norm.beta().value().set(j, random.nextGaussian());
        }
        return norm;
    }

    @Test
    void checkingAFewEntriesPerTensorStillWorks() {
        SplittableRandom random = new SplittableRandom(21);
        Dense dense = new Dense(30, 20, true, new XavierInitializer(), Precision.FLOAT64, random);
        assertPasses(check.withMaxEntriesPerTensor(7).check(dense, TestTensors.gaussian(random, 4, 30), random));
    }

    @Test
    void wrongBackwardIsCaught() {
        SplittableRandom random = new SplittableRandom(22);
        // Tanh's forward with sigmoid's derivative: plausible-looking and wrong.
        Layer broken = new Layer() {
            private Tensor output;

            @Override
            public Tensor forward(Tensor input, boolean training) {
                output = Tensor.zeros(Precision.FLOAT64, input.rows(), input.cols());
                for (int i = 0; i < input.size(); i++) {
                    output.set(i, Math.tanh(input.get(i)));
                }
                return output;
            }

            @Override
            public Tensor backward(Tensor outputGradient) {
                Tensor gradient = Tensor.zeros(Precision.FLOAT64, output.rows(), output.cols());
                for (int i = 0; i < output.size(); i++) {
                    double y = output.get(i);
                    gradient.set(i, outputGradient.get(i) * y * (1 - y));
                }
                return gradient;
            }
        };
        GradientCheck.Result result = check.check(broken, TestTensors.gaussian(random, 3, 3), random);
        assertTrue(result.inputError() > 0.1, "error " + result.inputError());
        assertTrue(!result.passes(LayerSequence.TOLERANCE));
    }

    @Test
    void inputIsNotChangedAndParametersAreRestored() {
        SplittableRandom random = new SplittableRandom(23);
        Dense dense = new Dense(3, 2, true, new XavierInitializer(), Precision.FLOAT64, random);
        Tensor weightsBefore = dense.weights().value().copy();
        Tensor input = TestTensors.gaussian(random, 2, 3);
        Tensor inputBefore = input.copy();
        check.check(dense, input, random);
        for (int i = 0; i < input.size(); i++) {
            assertEquals(inputBefore.get(i), input.get(i));
        }
        for (int i = 0; i < weightsBefore.size(); i++) {
            assertEquals(weightsBefore.get(i), dense.weights().value().get(i));
        }
    }

    @Test
    void relativeErrorFormula() {
        assertEquals(0.0, GradientCheck.relativeError(2.0, 2.0, 1e-8));
        assertEquals(1.0 / 3.0, GradientCheck.relativeError(2.0, 1.0, 1e-8), 1e-15);
        assertEquals(0.0, GradientCheck.relativeError(0.0, 0.0, 1e-8));
        assertEquals(1e-12 / 1e-4, GradientCheck.relativeError(1e-12, 0.0, 1e-4), 1e-20);
        assertTrue(Double.isNaN(GradientCheck.relativeError(Double.NaN, 1.0, 1e-8)));
    }
}
