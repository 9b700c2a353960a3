package org.nnx.spi;

/** Makes an initializer from its checked arguments: {@code gaussian(0.01)}, {@code he}. */
public interface InitializerFactory extends Component {
    Initializer create(Arguments arguments);
}
