package org.nnx.spi;

import java.util.OptionalDouble;

/** Makes an initializer from its checked arguments: {@code gaussian(0.01)}, {@code he}. */
public interface InitializerFactory extends Component {
    Initializer create(Arguments arguments);

    /**
     * The variance this initializer's values have for a layer of {@code fanIn} inputs and {@code fanOut}
     * outputs ({@code 2 / fanIn} for He), or empty when it declares none. {@code nnx plugins --verify} draws
     * weights and checks that their variance matches. Since SPI version 2.
     */
    default OptionalDouble variance(Arguments arguments, int fanIn, int fanOut) {
        return OptionalDouble.empty();
    }
}
