package org.nnx.spi;

/** Makes an optimizer from its checked hyperparameters. */
public interface OptimizerFactory extends Component {
    Optimizer create(Arguments arguments);
}
