package org.nnx.bench;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.nnx.model.RunConfig;
import org.nnx.model.TrainingLength;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.spi.DatasetException;
import org.nnx.tensor.Blas;
import org.nnx.tensor.BlasSelection;
import org.nnx.tensor.JavaBlas;
import org.nnx.train.StopSignal;

/**
 * {@code nnx bench}: trains reference models, each as its {@code .nnx} file says ({@link ReferenceModel}), on
 * their data through nnx's own training code, and prints samples/s (training time only) and test accuracy,
 * beside numpy's peer when asked, as a table of medians over repeats.
 *
 * <p>Each backend of {@code --backends} runs in a fresh child JVM ({@link ChildTrainer}); the repeat loop is
 * outermost, so that drift in a noisy machine's speed hits every trainer alike.
 */
public final class Benchmark {
    private final PrintStream out;
    private final PrintStream err;
    private final ComponentRegistry registry;
    private final StopSignal stop;
    /** Kept across the models and repeats: each dataset is read once. */
    private final DatasetLoader datasets;

    public Benchmark(PrintStream out, PrintStream err, ComponentRegistry registry, StopSignal stop) {
        this.out = out;
        this.err = err;
        this.registry = registry;
        this.stop = stop;
        this.datasets = new DatasetLoader(registry);
    }

    /** Runs what the options ask; returns 0, or 1 when a model's file, a training or a peer failed. */
    public int run(BenchOptions options) throws DatasetException, InterruptedException {
        if (options.gemm()) {
            // A first pass lets the JIT compile the Java kernels before the pass that counts.
            GemmBenchmark.measure(Blas.current(), GemmBenchmark.referenceShapes(), 20, 3);
            GemmBenchmark.print(
                    Blas.current(),
                    GemmBenchmark.measure(Blas.current(), GemmBenchmark.referenceShapes(), 100, 7),
                    out);
            return 0;
        }
        // Before anything is printed: a file that does not check, or missing data, fails every measurement alike.
        List<BenchModel> models;
        try {
            models = new ModelLoader(registry, datasets, options.data()).load(options.models());
        } catch (ModelFileException e) {
            e.lines().forEach(err::println);
            return 1;
        }
        if (options.phases()) {
            for (BenchModel model : models) {
                RunConfig config = model.run(null, options.seed());
                StepPhases.print(
                        model,
                        model.dataset(datasets, config),
                        registry,
                        options.steps(),
                        options.seed(),
                        options.cores(),
                        out);
            }
            return 0;
        }
        if (options.child()) {
            for (BenchModel model : models) {
                out.println(trainHere(model, options).toLine());
            }
            return 0;
        }
        if (options.zoo()) {
            return zoo(models, options);
        }
        return measure(models, options);
    }

    /**
     * {@code --zoo}: each model trained by nnx (in this JVM, or in a child JVM a backend), then by PyTorch and by
     * numpy through the zoo's peer script, repeat after repeat; then the zoo's table.
     */
    private int zoo(List<BenchModel> models, BenchOptions options) {
        ZooPeer peer = new ZooPeer(options.python(), options.zooPeer());
        String why = peer.unavailable();
        if (why != null) {
            err.println("nnx: error: cannot run the zoo's peers: " + why);
            return 1;
        }
        List<Integer> threads = options.zooThreads();
        out.println(header(models, options) + "; peers " + options.zooPeer().getFileName() + " with "
                + threads.stream().map(String::valueOf).collect(Collectors.joining(" and "))
                + (threads.equals(List.of(1)) ? " thread" : " threads"));
        List<Measurement> measurements = new ArrayList<>();
        List<Integer> repeats = new ArrayList<>();
        boolean failed = !repeat(models, options, measurements, repeats, model -> {
            List<Step> peers = new ArrayList<>();
            for (ZooPeer.Framework framework : options.zooPeers()) {
                for (int count : threads) {
                    peers.add(() -> peer.run(model.reference(), framework, options.data(), options.epochs(), count));
                }
            }
            return peers;
        });
        out.println();
        out.print(ZooTable.table(measurements));
        return failed ? 1 : 0;
    }

    /** The repeats of every (model, trainer), printed as they come and as tables at the end. */
    private int measure(List<BenchModel> models, BenchOptions options) {
        NumpyPeer peer = options.peers() ? new NumpyPeer(options.python(), options.peerDir()) : null;
        String why = peer == null ? null : peer.unavailable();
        if (why != null) {
            err.println("nnx: error: cannot run the numpy peer: " + why);
            return 1;
        }
        out.println(header(models, options));
        List<Measurement> measurements = new ArrayList<>();
        List<Integer> repeats = new ArrayList<>();
        boolean failed = !repeat(
                models,
                options,
                measurements,
                repeats,
                model -> peer == null
                        ? List.of()
                        : List.of(() -> peer.run(
                                model.reference(),
                                options.data(),
                                model.length(options.epochs()),
                                options.peerThreads())));
        out.println();
        out.print(ResultTable.table(measurements));
        out.print(ResultTable.pairedRatios(measurements, repeats));
        return failed ? 1 : 0;
    }

    private interface Step {
        Measurement measure() throws Exception;
    }

    /** Runs one measurement and prints it as it comes; false when it failed (reported, the others go on). */
    /**
     * Every model trained by nnx (in this JVM, or in a child JVM a backend) and then by its {@code peers}, repeat
     * after repeat: the outermost loop, so that drift in the machine's speed hits every trainer alike. Returns
     * whether every training succeeded.
     */
    private boolean repeat(
            List<BenchModel> models,
            BenchOptions options,
            List<Measurement> measurements,
            List<Integer> repeats,
            Function<BenchModel, List<Step>> peers) {
        boolean succeeded = true;
        for (int repeat = 1; repeat <= options.repeat() && !stop.requested(); repeat++) {
            for (BenchModel model : models) {
                List<Step> steps = new ArrayList<>();
                if (options.backends().isEmpty()) {
                    steps.add(() -> trainHere(model, options));
                }
                for (String backend : options.backends()) {
                    steps.add(() -> new ChildTrainer(stop).train(model.reference(), backend, options));
                }
                steps.addAll(peers.apply(model));
                for (Step step : steps) {
                    succeeded &= record(measurements, repeats, repeat, step);
                }
            }
        }
        return succeeded;
    }

    private boolean record(List<Measurement> measurements, List<Integer> repeats, int repeat, Step step) {
        if (stop.requested()) {
            return true;
        }
        try {
            Measurement measurement = step.measure();
            measurements.add(measurement);
            repeats.add(repeat);
            out.println(ResultTable.line(repeat, measurement));
            out.flush();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.request();
            return false;
        } catch (Exception e) {
            err.println("nnx: error: " + e.getMessage());
            return false;
        }
    }

    private Measurement trainHere(BenchModel model, BenchOptions options) {
        return new NnxTraining(registry, datasets, stop)
                .train(model, options.epochs(), options.seed(), options.sideBySide(), options.cores());
    }

    /**
     * The repository nnx runs from: the system property {@code nnx.home} when set, else the folder holding
     * {@code target/} when nnx runs from its build output, else the working directory.
     */
    public static Path repository() {
        String home = System.getProperty("nnx.home");
        if (home != null) {
            return Path.of(home);
        }
        try {
            Path code = Path.of(Benchmark.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            for (Path folder = code; folder != null; folder = folder.getParent()) {
                if (folder.getFileName() != null
                        && folder.getFileName().toString().equals("target")) {
                    return folder.getParent();
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // Not from a file (or no code source): fall back to the working directory.
        }
        return Path.of("").toAbsolutePath();
    }

    private static String header(List<BenchModel> models, BenchOptions options) {
        StringBuilder text = new StringBuilder();
        text.append("nnx bench: data from ").append(options.data()).append("; ");
        for (BenchModel model : models) {
            text.append(model.label())
                    .append(" = ")
                    .append(model.reference().file().getFileName())
                    .append(", ")
                    .append(length(model.length(options.epochs())))
                    .append("; ");
        }
        text.append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ")
                .append(System.getProperty("java.version"));
        if (options.backends().isEmpty()) {
            text.append("; backend ").append(Blas.current().name());
            BlasSelection.Choice choice = BlasSelection.installed();
            if (choice != null && choice.blas() == Blas.current() && Blas.current() instanceof JavaBlas) {
                text.append(" (").append(choice.reason()).append(")");
            }
        } else {
            text.append("; backends ")
                    .append(String.join(", ", options.backends()))
                    .append(" (one JVM each)");
        }
        if (options.sideBySide() > 1) {
            text.append("; ").append(options.sideBySide()).append(" runs side by side, samples/s summed");
        }
        return text.toString();
    }

    /** {@code 1 epoch}, {@code 3 epochs}, {@code 500 iterations}. */
    private static String length(TrainingLength length) {
        String unit = length.unit().name().toLowerCase(Locale.ROOT);
        return length.count() + " " + (length.count() == 1 ? unit.substring(0, unit.length() - 1) : unit);
    }
}
