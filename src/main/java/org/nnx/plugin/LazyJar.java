package org.nnx.plugin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nnx.registry.CheckedLayerFactory;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.Component;
import org.nnx.spi.DatasetFactory;
import org.nnx.spi.InitializerFactory;
import org.nnx.spi.LossFactory;
import org.nnx.spi.OptimizerFactory;

/**
 * A jar known by its contribution index, whose plugins are made the first time one of its contributions is
 * asked anything but its name: a file that names none of them runs none of its code. Until then each
 * contribution is a stand-in answering its name from the index; every other call makes the jar's plugins
 * (once) and goes to the contribution they give.
 *
 * <p>With {@code probeFirst}, the plugins are first made in a process of their own ({@link PluginProbe}): a
 * plugin whose constructor or lists end the process (System.exit, a halt) ends that one, and the use of the
 * contribution fails with a {@link PluginException} saying so, instead of nnx ending without a word.
 */
final class LazyJar {
    /** The jar as {@link PluginLoader} found it; its {@code plugin} is that of each made plugin. */
    private final PluginOrigin found;

    private final ClassLoader loader;
    /** The jar to make the plugins of in a process of their own first; empty to make them here straight away. */
    private final Optional<Path> probe;

    private List<PluginContributions> made;
    private PluginException failure;

    LazyJar(Path file, PluginOrigin found, ClassLoader loader, boolean probeFirst) {
        this.found = found;
        this.loader = loader;
        this.probe = probeFirst ? Optional.of(file) : Optional.empty();
    }

    /** The indexed plugin's contributions, as stand-ins that make the jar's plugins when first used. */
    PluginContributions contributions(ContributionIndex.IndexedPlugin plugin) {
        PluginOrigin origin =
                new PluginOrigin(plugin.name(), found.jar(), found.path(), found.version(), found.sha256());
        Map<ComponentKind, List<Component>> byKind = new LinkedHashMap<>();
        plugin.names().forEach((kind, names) -> {
            List<Component> standIns = new ArrayList<>();
            names.forEach(name -> standIns.add(standIn(kind, plugin.name(), name)));
            byKind.put(kind, standIns);
        });
        return new PluginContributions(origin, byKind);
    }

    /** The contribution a stand-in stands for, making the jar's plugins first if need be; others as they are. */
    static Component made(Component component) {
        if (Proxy.isProxyClass(component.getClass())
                && Proxy.getInvocationHandler(component) instanceof StandIn standIn) {
            return standIn.made();
        }
        return component;
    }

    private Component standIn(ComponentKind kind, String plugin, String name) {
        Class<?> type = switch (kind) {
            case LAYER -> CheckedLayerFactory.class;
            case LOSS -> LossFactory.class;
            case OPTIMIZER -> OptimizerFactory.class;
            case INITIALIZER -> InitializerFactory.class;
            case DATASET -> DatasetFactory.class;
        };
        return (Component) Proxy.newProxyInstance(
                LazyJar.class.getClassLoader(), new Class<?>[] {type}, new StandIn(this, kind, plugin, name));
    }

    /** The contribution of the made plugins that the index names. */
    private synchronized Component made(ComponentKind kind, String plugin, String name) {
        if (failure != null) {
            throw failure;
        }
        if (made == null) {
            try {
                made = make();
            } catch (PluginException e) {
                failure = e;
                throw e;
            }
        }
        for (PluginContributions contributions : made) {
            if (contributions.origin().plugin().equals(plugin)) {
                for (Component component : contributions.byKind().get(kind)) {
                    if (component.name().equals(name)) {
                        return component;
                    }
                }
            }
        }
        throw new PluginException(found.jar() + ": its " + ContributionIndex.RESOURCE + " lists " + kind.label() + " '"
                + name + "' of plugin '" + plugin + "', which the plugin does not contribute; rebuild the jar");
    }

    private List<PluginContributions> make() {
        if (probe.isPresent()) {
            Optional<String> ended = PluginProbe.inOwnProcess(probe.get());
            if (ended.isPresent()) {
                throw PluginException.unusable(found.jar(), found.jar() + ": " + ended.get());
            }
        }
        try {
            return PluginLoader.plugins(
                    loader, found.jar(), found.path(), found.version(), found.sha256(), new ArrayList<>());
        } catch (PluginContributions.Rejected e) {
            throw PluginException.unusable(found.jar(), found.jar() + ": " + e.getMessage());
        }
    }

    /** A contribution's stand-in: its name from the index, everything else from the made contribution. */
    private record StandIn(LazyJar jar, ComponentKind kind, String plugin, String name) implements InvocationHandler {
        Component made() {
            return jar.made(kind, plugin, name);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getParameterCount() == 0 && method.getName().equals("name")) {
                return name;
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> kind.label() + " '" + name + "' from " + jar.found.jar();
                };
            }
            try {
                return method.invoke(made(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
