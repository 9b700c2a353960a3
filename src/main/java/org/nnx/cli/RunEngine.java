package org.nnx.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.nnx.train.RunIsolation;
import org.nnx.train.StopSignal;

/**
 * Where {@code nnx run} trains a plan's runs ({@code --engine NAME}): {@code local}, nnx's own process and its
 * worker processes, or an engine another module supplies through {@link ServiceLoader} (nnx's Spark module
 * supplies {@code spark}), so that nnx itself depends on none of them. Whichever trains the runs, nnx writes
 * the reports: a run trained elsewhere comes back as the messages {@link Worker#train} sends, which {@link
 * RunReplay} replays into nnx's writers.
 */
public interface RunEngine {
    /** The engine {@code nnx run} uses unless told otherwise. */
    String LOCAL = "local";

    /** The name {@code --engine} gives. */
    String name();

    /**
     * Starts the engine for one {@code nnx run}.
     *
     * @throws Unavailable when it cannot start, with a one-line message saying what to do
     */
    Runs start(Settings settings);

    /** The runs an engine trains, until {@code nnx run} has written its reports and closes it. */
    interface Runs extends RunIsolation, AutoCloseable {
        /**
         * How many runs train at once.
         *
         * @param localCores the cores nnx would give its runs in this process ({@code NNX_CORES})
         */
        int runsAtOnce(int localCores);

        @Override
        void close();
    }

    /**
     * What an engine is started with.
     *
     * @param master        where its runs go ({@code --master}); empty for the engine's default
     * @param conf          the engine's own settings ({@code --conf KEY=VALUE}), in the order given
     * @param pluginFolders the folders nnx loaded plugin jars from
     * @param lockFile      {@code plugins.lock}, whether or not it exists
     * @param chooseBlas    whether nnx chose its BLAS backend, which the run's process then chooses the same way
     * @param stop          set by Ctrl-C
     * @param out           where the engine says what it does
     */
    record Settings(
            Optional<String> master,
            Map<String, String> conf,
            List<Path> pluginFolders,
            Path lockFile,
            boolean chooseBlas,
            StopSignal stop,
            PrintStream out) {
        public Settings {
            conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
            pluginFolders = List.copyOf(pluginFolders);
        }
    }

    /** An engine that cannot start; the message is one line that says what to do. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** The engine of that name, from the class path; empty when no module on it supplies one. */
    static Optional<RunEngine> named(String name) {
        for (RunEngine engine : ServiceLoader.load(RunEngine.class, RunEngine.class.getClassLoader())) {
            if (engine.name().equals(name)) {
                return Optional.of(engine);
            }
        }
        return Optional.empty();
    }
}
