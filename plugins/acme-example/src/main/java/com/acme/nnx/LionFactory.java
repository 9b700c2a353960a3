package com.acme.nnx;

import java.util.List;
import org.nnx.spi.Arguments;
import org.nnx.spi.Optimizer;
import org.nnx.spi.OptimizerFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Range;

/** {@code optimizer lion(beta1 = 0.9, beta2 = 0.99, weight_decay = 0)}. */
public final class LionFactory implements OptimizerFactory {

    @Override
    public String name() {
        return "lion";
    }

    @Override
    public String description() {
        return "Lion (Chen et al. 2023): W ← W − η·(sign(β1·m + (1−β1)·g) + λ·W); use a learning rate 3–10× below adam's";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(
                ParameterSpec.number("beta1", 0.9, "weight of the momentum in the update's direction").in(Range.closedOpen(0, 1)),
                ParameterSpec.number("beta2", 0.99, "decay of the momentum m").in(Range.closedOpen(0, 1)),
                ParameterSpec.number("weight_decay", 0.0, "decoupled weight decay λ on weights").in(Range.atLeast(0)));
    }

    @Override
    public Optimizer create(Arguments arguments) {
        return new Lion(arguments.number("beta1"), arguments.number("beta2"), arguments.number("weight_decay"));
    }
}
