package org.nnx.spi;

/** Makes an optimizer from its checked hyperparameters. */
public interface OptimizerFactory extends Component {
    Optimizer create(Arguments arguments);

    /**
     * How many numbers of state the optimizer keeps for each parameter entry: 0 for plain SGD, 1 for momentum,
     * 2 for Adam. nnx estimates a run's memory from it before anything trains; an optimizer that does not say
     * counts as keeping 2.
     */
    default int stateValuesPerParameter() {
        return 2;
    }
}
