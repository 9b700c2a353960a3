package com.acme.nnx;

import java.util.List;
import org.nnx.spi.Arguments;
import org.nnx.spi.Layer;
import org.nnx.spi.LayerContext;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.ParameterSpec;
import org.nnx.spi.Range;

/** {@code swish} and {@code swish beta = 2}: the name, the schema nnx checks files against, and the layer. */
public final class SwishFactory implements LayerFactory {

    @Override
    public String name() {
        return "swish";
    }

    @Override
    public String description() {
        return "swish activation x·sigmoid(β·x) (Ramachandran et al. 2017)";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.number("beta", 1.0, "β, the sharpness of the gate; 0 gives x/2")
                .in(Range.atLeast(0)));
    }

    // An activation keeps the width, which is LayerFactory's default outputSize.

    @Override
    public Layer create(Arguments arguments, LayerContext context) {
        return new Swish(arguments.number("beta"));
    }
}
