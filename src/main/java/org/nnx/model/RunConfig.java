package org.nnx.model;

import java.util.List;

/**
 * Everything one training run needs, resolved and checked.
 *
 * @param evaluateEvery iterations between evaluations; 0 means once per epoch
 */
public record RunConfig(
        ComponentUse dataset,
        List<ComponentUse> layers,
        ComponentUse loss,
        ComponentUse optimizer,
        double learningRate,
        int batchSize,
        TrainingLength length,
        Sampling sampling,
        long seed,
        long evaluateEvery) {

    public RunConfig {
        layers = List.copyOf(layers);
    }
}
