package org.nnx.plugin;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnx.spi.NnxPlugin;

/** Why a jar is skipped, said in terms of the jar and its author's code rather than of nnx's. */
final class RejectionReasons {
    private static final Pattern NOT_FOUND = Pattern.compile("Provider (\\S+) not found");
    private static final Pattern NOT_A_SUBTYPE = Pattern.compile("(\\S+) not a subtype");
    private static final Pattern NOT_INSTANTIATED = Pattern.compile("Provider (\\S+) could not be instantiated");
    private static final Pattern NO_CONSTRUCTOR = Pattern.compile("(\\S+) Unable to get public no-arg constructor");

    private RejectionReasons() {}

    /** What {@link ServiceLoader} could not do, said in terms of the jar. */
    static String of(ServiceConfigurationError e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher matcher;
        if ((matcher = NOT_INSTANTIATED.matcher(message)).find() && e.getCause() != null) {
            Throwable cause = e.getCause();
            if (cause instanceof ExceptionInInitializerError init && init.getCause() != null) {
                return of("the static initializer of " + matcher.group(1), init.getCause());
            }
            return of("the constructor of " + matcher.group(1), cause);
        }
        String missing = missingClass(e);
        if (missing != null) {
            return missing("the plugin", missing);
        }
        if ((matcher = NOT_FOUND.matcher(message)).find()) {
            return matcher.group(1) + ", listed in " + PluginLoader.SERVICE_FILE + ", is not in the jar";
        }
        if ((matcher = NOT_A_SUBTYPE.matcher(message)).find()) {
            return matcher.group(1) + ", listed in " + PluginLoader.SERVICE_FILE + ", does not implement "
                    + NnxPlugin.class.getName();
        }
        if ((matcher = NO_CONSTRUCTOR.matcher(message)).find()) {
            return matcher.group(1) + " has no public constructor without arguments";
        }
        return message.replaceFirst("^" + Pattern.quote(NnxPlugin.class.getName()) + ": ", "");
    }

    /**
     * {@code what threw IllegalStateException: boom}, or, when a class could not be found, which one and why
     * a plugin cannot see it.
     */
    static String of(String what, Throwable thrown) {
        String missing = missingClass(thrown);
        return missing != null ? missing(what, missing) : what + " threw " + PluginException.describe(thrown);
    }

    private static String missing(String what, String className) {
        return what + " needs class " + className + ", which is not in the jar (NoClassDefFoundError); a plugin"
                + " sees only its own jar, org.nnx.spi, org.nnx.tensor and the JDK, so it must bundle what else it uses";
    }

    /** The class a {@link NoClassDefFoundError} or {@link ClassNotFoundException} in the chain names, or null. */
    private static String missingClass(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (t instanceof NoClassDefFoundError && message != null && !message.startsWith("Could not initialize")) {
                return message.replace('/', '.');
            }
            if (t instanceof ClassNotFoundException && message != null) {
                return message;
            }
        }
        return null;
    }
}
