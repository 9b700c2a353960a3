package org.nnx.plugin;

import java.util.Optional;
import org.nnx.registry.ComponentKind;
import org.nnx.registry.PluginOrigin;

/**
 * A plugin's code failed while nnx used it. The message names the component, its plugin's jar and what
 * went wrong, so that a failed run says whose code to look at: {@code layer 'swish' from acme-layers.jar
 * threw IllegalStateException: …}.
 */
public final class PluginException extends RuntimeException {

    /** The jar none of whose code can be used, when that is what the failure means; else null. */
    private final String unusableJar;

    public PluginException(String message) {
        super(message);
        this.unusableJar = null;
    }

    /**
     * A jar none of whose code can be used, such as one whose plugins cannot be made.
     *
     * @param reason why, naming the jar: {@code acme.jar: the plugin threw …}
     */
    static PluginException unusable(String jar, String reason) {
        return new PluginException(reason + "; nothing from it is used", jar);
    }

    private PluginException(String message, String unusableJar) {
        super(message);
        this.unusableJar = unusableJar;
    }

    /** The jar none of whose code can be used, by file name, when that is what this failure means. */
    public Optional<String> unusableJar() {
        return Optional.ofNullable(unusableJar);
    }

    /** Why the jar cannot be used, without what that means for nnx: {@code acme.jar: the plugin threw …}. */
    public String reason() {
        String message = getMessage();
        return unusableJar != null && message.endsWith("; nothing from it is used")
                ? message.substring(0, message.length() - "; nothing from it is used".length())
                : message;
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
        this.unusableJar = null;
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
