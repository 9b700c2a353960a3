package org.nnx.plugin;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls to one guarded plugin object ({@link PluginGuard}): each goes to the plugin's object, and what
 * the plugin's code throws becomes a {@link PluginException}. A checked exception the method declares (a
 * dataset's {@link org.nnx.spi.DatasetException}, the plugin reporting bad data to the user) and errors of
 * the JVM itself (out of memory) pass unchanged.
 */
final class GuardedCalls implements InvocationHandler {
    private final PluginGuard guard;
    private final Object target;
    private final Map<String, Object> answers;
    /** What accessors (methods without arguments) last returned, guarded: {@code train()} keeps its identity. */
    private final Map<Method, Object> accessorResults = new ConcurrentHashMap<>();

    GuardedCalls(PluginGuard guard, Object target, Map<String, Object> answers) {
        this.guard = guard;
        this.target = target;
        this.answers = Map.copyOf(answers);
    }

    /** The plugin's own object. */
    Object target() {
        return target;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class && !method.getName().equals("toString")) {
            // Identity, as for any object nnx holds: the registry and Guice hash factories without asking the plugin.
            return method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
        }
        if (args == null && !answers.isEmpty()) {
            Object answer = answers.get(method.getName());
            if (answer != null) {
                return answer;
            }
        }
        Object result = call(method, args);
        return result != null && PluginGuard.guardsResultsOf(method.getReturnType())
                ? guarded(method, args, result)
                : result;
    }

    private Object call(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, ownObjects(args));
        } catch (InvocationTargetException e) {
            throw translated(method, e.getCause());
        }
    }

    /**
     * The arguments with this component's guarded objects replaced by the plugin's own: a plugin layer's
     * {@code copyFrozenState(source)} gets a layer of its own class, as it expects.
     */
    private Object[] ownObjects(Object[] args) {
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                GuardedCalls calls = PluginGuard.handler(args[i]);
                if (calls != null && calls.guard == guard) {
                    args[i] = calls.target;
                }
            }
        }
        return args;
    }

    private Throwable translated(Method method, Throwable thrown) {
        // A plugin that exhausts memory has unwound by now and its allocation is garbage: it is the plugin's fault.
        boolean pluginsFault = thrown instanceof RuntimeException
                || thrown instanceof LinkageError
                || thrown instanceof StackOverflowError
                || thrown instanceof OutOfMemoryError
                || thrown instanceof Exception && !declares(method, thrown);
        return pluginsFault ? guard.failure(thrown) : thrown;
    }

    private static boolean declares(Method method, Throwable thrown) {
        for (Class<?> declared : method.getExceptionTypes()) {
            if (declared.isInstance(thrown)) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object guarded(Method method, Object[] args, Object result) {
        if (args != null) {
            return guard.guard((Class) method.getReturnType(), result);
        }
        Object last = accessorResults.get(method);
        GuardedCalls lastCalls = PluginGuard.handler(last);
        if (lastCalls != null && lastCalls.target == result) {
            return last;
        }
        Object guarded = guard.guard((Class) method.getReturnType(), result);
        accessorResults.put(method, guarded);
        return guarded;
    }
}
