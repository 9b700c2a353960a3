package org.nnx.spi;

/** Makes a loss from its checked arguments. */
public interface LossFactory extends Component {

    Loss create(Arguments arguments);

    /**
     * Whether the loss applies softmax to the network's output itself, as {@code cross_entropy} does; a
     * model's final {@code softmax} layer is then fused into the loss rather than applied twice.
     */
    default boolean appliesSoftmax() {
        return false;
    }
}
