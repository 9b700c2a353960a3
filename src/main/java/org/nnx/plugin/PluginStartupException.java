package org.nnx.plugin;

import java.util.List;

/**
 * Plugins that nnx must not start with: a name contributed twice, a {@code --plugins} folder that does not
 * exist. Each problem is one line for the user; nothing runs (exit status 2).
 */
public final class PluginStartupException extends Exception {
    private final List<String> problems;

    public PluginStartupException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line each, without the {@code nnx: error: } prefix. */
    public List<String> problems() {
        return problems;
    }
}
