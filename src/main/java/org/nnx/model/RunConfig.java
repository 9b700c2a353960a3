package org.nnx.model;

import java.util.List;
import org.nnx.spi.ComponentCall;

/**
 * Everything one training run needs, resolved and checked.
 *
 * @param evaluateEvery iterations between evaluations; 0 means once per epoch
 * @param weightDecay   λ of the L2 penalty λ/2·‖W‖² on parameters that decay (weights, not biases)
 * @param validation    the fraction of the training set held out for validation, in [0, 1)
 */
public record RunConfig(
        ComponentCall dataset,
        List<ComponentCall> layers,
        ComponentCall loss,
        ComponentCall optimizer,
        double learningRate,
        int batchSize,
        TrainingLength length,
        Sampling sampling,
        long seed,
        long evaluateEvery,
        double weightDecay,
        double validation,
        EarlyStop earlyStop,
        GradientMode gradient) {

    public RunConfig {
        layers = List.copyOf(layers);
    }
}
