package org.nnx.registry;

import org.nnx.spi.Component;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.LossFactory;
import org.nnx.spi.OptimizerFactory;

/** The kinds of named contribution, each with its own name space. */
public enum ComponentKind {
    LAYER("layer", LayerFactory.class),
    LOSS("loss", LossFactory.class),
    OPTIMIZER("optimizer", OptimizerFactory.class),
    INITIALIZER("initializer", InitializerFactory.class),
    DATASET("dataset", DatasetFactory.class);

    private final String label;
    private final Class<? extends Component> type;

    ComponentKind(String label, Class<? extends Component> type) {
        this.label = label;
        this.type = type;
    }

    /** As messages name it: {@code layer}. */
    public String label() {
        return label;
    }

    public Class<? extends Component> type() {
        return type;
    }
}
