package org.nnx.plugin;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts a Java process like this one, for plugin code to run in where it can end only
 * that process: the same java, JVM options and class path, then {@code options} and the main class.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** {@code java [this JVM's options] [options] -cp [this class path] main}. */
    public static List<String> command(List<String> options, Class<?> main) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A debugger's port can be listened on by one process only.
            if (!option.startsWith("-agentlib:jdwp") && !option.startsWith("-Xrunjdwp")) {
                command.add(option);
            }
        }
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        return command;
    }
}
