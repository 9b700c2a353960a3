package org.nnx.plugin;

import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.PluginOrigin;
import org.nnx.spi.NnxPlugin;

/**
 * Guards the objects of one plugin component: its factory and everything nnx gets from it (layers, losses,
 * optimizers, initializers, datasets and their splits). A guarded object is a {@link Proxy} whose calls go to
 * the plugin's object, and whatever the plugin's code throws comes out as a {@link PluginException} naming
 * the component and its jar: {@code layer 'swish' from acme-layers.jar threw IllegalStateException: …}. A
 * run that hits one fails with that message; its sibling runs go on.
 *
 * <p>The proxy implements every public interface the plugin's object implements, so that a capability such
 * as {@link org.nnx.spi.Freezable} survives the guard, and is made in the plugin's own class loader, which
 * sees both the SPI and the plugin's classes.
 *
 * @param name the component's name as taken at start-up
 */
record PluginGuard(ComponentKind kind, String name, PluginOrigin origin) {
    private static final String SPI_PACKAGE = NnxPlugin.class.getPackageName();

    /** The interfaces a guard of an object of this class implements; none when they clash. */
    private static final ClassValue<Class<?>[]> INTERFACES = new ClassValue<>() {
        @Override
        protected Class<?>[] computeValue(Class<?> type) {
            return proxyInterfaces(type);
        }
    };

    /** {@code target}, guarded. */
    <T> T guard(Class<T> type, T target) {
        return guard(type, target, Map.of());
    }

    /**
     * {@code target}, guarded, with the methods without arguments that {@code answers} names answered from
     * it rather than by the plugin: a factory's name, description and schema as taken at start-up.
     */
    <T> T guard(Class<T> type, T target, Map<String, Object> answers) {
        if (handler(target) != null) {
            // Already guarded, by the component that made it: its own guard names the right jar.
            return target;
        }
        Class<?> targetClass = target.getClass();
        Class<?>[] interfaces = INTERFACES.get(targetClass);
        return type.cast(Proxy.newProxyInstance(
                loaderOf(targetClass),
                interfaces.length > 0 ? interfaces : new Class<?>[] {type},
                new GuardedCalls(this, target, answers)));
    }

    /** The exception to throw when the plugin's code threw {@code thrown}. */
    RuntimeException failure(Throwable thrown) {
        return PluginException.wrap(kind, name, origin, thrown);
    }

    /** Whether values of {@code type} are guarded when a guarded call returns them: the SPI's interfaces. */
    static boolean guardsResultsOf(Class<?> type) {
        return type.isInterface() && type.getPackageName().equals(SPI_PACKAGE);
    }

    /** The handler of a guarded object, or null when {@code object} is not one. */
    static GuardedCalls handler(Object object) {
        return object instanceof Proxy && Proxy.getInvocationHandler(object) instanceof GuardedCalls calls
                ? calls
                : null;
    }

    /**
     * Every public interface of {@code type} and its supertypes that its class loader sees; none when a proxy
     * cannot implement them all (two methods alike but for their return types), and then the guard implements
     * the one nnx asked for.
     */
    private static Class<?>[] proxyInterfaces(Class<?> type) {
        Set<Class<?>> all = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> direct : c.getInterfaces()) {
                collect(direct, loaderOf(type), all);
            }
        }
        Class<?>[] interfaces = all.toArray(Class<?>[]::new);
        try {
            Proxy.newProxyInstance(loaderOf(type), interfaces, (proxy, method, args) -> null);
            return interfaces;
        } catch (IllegalArgumentException e) {
            return new Class<?>[0];
        }
    }

    /** {@code type} when the proxy can implement it, and its parents: a private one may extend a capability. */
    private static void collect(Class<?> type, ClassLoader loader, Set<Class<?>> into) {
        if (Modifier.isPublic(type.getModifiers()) && visible(type, loader)) {
            into.add(type);
        }
        for (Class<?> parent : type.getInterfaces()) {
            collect(parent, loader, into);
        }
    }

    private static boolean visible(Class<?> type, ClassLoader loader) {
        try {
            return Class.forName(type.getName(), false, loader) == type;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The class loader of the plugin's class, which sees the SPI as well. */
    private static ClassLoader loaderOf(Class<?> type) {
        return type.getClassLoader() != null ? type.getClassLoader() : NnxPlugin.class.getClassLoader();
    }
}
