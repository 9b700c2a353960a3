package org.nnx.plugin;

import com.google.inject.Binder;
import com.google.inject.multibindings.MapBinder;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.LayerFactory;
import org.nnx.spi.LossFactory;
import org.nnx.spi.OptimizerFactory;

/**
 * Typed helpers over Guice's {@link MapBinder}: contributions keyed by their DSL name. Duplicates are not
 * permitted, so a name contributed twice fails at start-up.
 */
public final class NnxBinders {
    private NnxBinders() {}

    public static MapBinder<String, LayerFactory> layers(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, LayerFactory.class);
    }

    public static MapBinder<String, LossFactory> losses(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, LossFactory.class);
    }

    public static MapBinder<String, OptimizerFactory> optimizers(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, OptimizerFactory.class);
    }

    public static MapBinder<String, InitializerFactory> initializers(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, InitializerFactory.class);
    }

    public static MapBinder<String, DatasetFactory> datasets(Binder binder) {
        return MapBinder.newMapBinder(binder, String.class, DatasetFactory.class);
    }
}
