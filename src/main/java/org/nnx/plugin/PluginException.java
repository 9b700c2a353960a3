package org.nnx.plugin;

import org.nnx.registry.ComponentKind;
import org.nnx.registry.PluginOrigin;

/**
 * A plugin's code failed while nnx used it. The message names the component, its plugin's jar and what
 * went wrong, so that a failed run says whose code to look at: {@code layer 'swish' from acme-layers.jar
 * threw IllegalStateException: …}.
 */
public final class PluginException extends RuntimeException {

    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exception to throw when {@code component} of {@code origin} threw {@code thrown}. */
    static RuntimeException wrap(ComponentKind kind, String name, PluginOrigin origin, Throwable thrown) {
        if (thrown instanceof PluginException already) {
            // Another plugin's component called from this one (an initializer inside a layer) named itself.
            return already;
        }
        return new PluginException(
                kind.label() + " '" + name + "' from " + origin.label() + " threw " + describe(thrown), thrown);
    }

    /** {@code IllegalStateException: message}, or the class alone when there is no message. */
    static String describe(Throwable thrown) {
        String message = thrown.getMessage();
        return thrown.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
