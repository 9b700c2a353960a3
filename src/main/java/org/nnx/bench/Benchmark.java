package org.nnx.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nnx.builtins.ImageDataset;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.DatasetException;
import org.nnx.tensor.Blas;
import org.nnx.tensor.BlasSelection;
import org.nnx.tensor.JavaBlas;
import org.nnx.train.StopSignal;

/**
 * {@code nnx bench}: trains shared/bench's two reference models on Fashion-MNIST through nnx's own training
 * code and prints samples/s (training time only) and test accuracy, beside numpy's peer when asked, as a
 * table of medians over repeats.
 *
 * <p>Each backend of {@code --backends} runs in a fresh child JVM, since a process chooses its BLAS once and
 * OpenBLAS reads its thread count once; the repeat loop is outermost, so that drift in a noisy machine's
 * speed hits every trainer alike.
 */
public final class Benchmark {
    private static final String MAIN_CLASS = "org.nnx.cli.Main";

    private final PrintStream out;
    private final PrintStream err;
    private final ComponentRegistry registry;
    private final StopSignal stop;
    private ImageDataset data;

    public Benchmark(PrintStream out, PrintStream err, ComponentRegistry registry, StopSignal stop) {
        this.out = out;
        this.err = err;
        this.registry = registry;
        this.stop = stop;
    }

    /** Runs what the options ask; returns 0, or 1 when a training or a peer failed. */
    public int run(BenchOptions options) throws DatasetException, InterruptedException {
        if (options.gemm()) {
            // A first pass lets the JIT compile the Java kernels before the pass that counts.
            GemmBenchmark.measure(Blas.current(), GemmBenchmark.referenceShapes(), 20, 3);
            GemmBenchmark.print(Blas.current(),
                    GemmBenchmark.measure(Blas.current(), GemmBenchmark.referenceShapes(), 100, 7), out);
            return 0;
        }
        if (options.phases()) {
            if (data == null) {
                data = FashionMnist.read(options.data());
            }
            for (ReferenceModel model : options.models()) {
                StepPhases.print(model, data, registry, options.steps(), options.seed(), options.cores(), out);
            }
            return 0;
        }
        if (options.child()) {
            for (ReferenceModel model : options.models()) {
                out.println(trainHere(model, options).toLine());
            }
            return 0;
        }
        // Before the header, as for a missing peer: every measurement would fail the same way.
        Optional<String> missing = data == null ? FashionMnist.missingFile(options.data())
                : Optional.empty();
        if (missing.isPresent()) {
            err.println("nnx: error: " + missing.get());
            return 1;
        }
        NumpyPeer peer = null;
        if (options.peers()) {
            peer = new NumpyPeer(options.python(), options.peerDir());
            String why = peer.unavailable();
            if (why != null) {
                err.println("nnx: error: cannot run the numpy peer: " + why);
                return 1;
            }
        }
        out.println(header(options));
        List<Measurement> measurements = new ArrayList<>();
        List<Integer> repeats = new ArrayList<>();
        boolean failed = false;
        for (int repeat = 1; repeat <= options.repeat() && !stop.requested(); repeat++) {
            for (ReferenceModel model : options.models()) {
                if (options.backends().isEmpty()) {
                    failed |= !record(measurements, repeats, repeat, () -> trainHere(model, options));
                } else {
                    for (String backend : options.backends()) {
                        failed |= !record(measurements, repeats, repeat, () -> trainInChild(model, backend, options));
                    }
                }
                if (peer != null) {
                    NumpyPeer numpy = peer;
                    failed |= !record(measurements, repeats, repeat,
                            () -> numpy.run(model, options.data(), options.epochsOf(model), options.peerThreads()));
                }
            }
        }
        out.println();
        out.print(table(measurements));
        out.print(pairedRatios(measurements, repeats));
        return failed ? 1 : 0;
    }

    private interface Step {
        Measurement measure() throws Exception;
    }

    /** Runs one measurement and prints it as it comes; false when it failed (reported, the others go on). */
    private boolean record(List<Measurement> measurements, List<Integer> repeats, int repeat, Step step) {
        if (stop.requested()) {
            return true;
        }
        try {
            Measurement measurement = step.measure();
            measurements.add(measurement);
            repeats.add(repeat);
            out.printf(Locale.ROOT, "  #%d %-5s %-40s %s samples/s, test accuracy %.4f (%.1f s%s)%n", repeat,
                    measurement.model(), trainerLabel(measurement), thousands(measurement.samplesPerSecond()),
                    measurement.testAccuracy(), measurement.seconds(),
                    Double.isNaN(measurement.peakHeapMegabytes()) ? ""
                            : String.format(Locale.ROOT, ", peak heap %.0f MB", measurement.peakHeapMegabytes()));
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

    private Measurement trainHere(ReferenceModel model, BenchOptions options)
            throws DatasetException, InterruptedException {
        if (data == null) {
            data = FashionMnist.read(options.data());
        }
        return new NnxTraining(registry, stop).train(model, data, options.epochsOf(model), options.seed(),
                options.sideBySide(), options.cores());
    }

    /** Trains in a fresh JVM started like this one, with the backend's environment. */
    private Measurement trainInChild(ReferenceModel model, String backend, BenchOptions options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS, "bench", "--child",
                "--model", model.label(), "--epochs", Integer.toString(options.epochsOf(model)),
                "--side-by-side", Integer.toString(options.sideBySide()), "--data", options.data().toString(),
                "--seed", Long.toString(options.seed()), "--cores", Integer.toString(options.cores())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(BackendSpec.parse(backend).environment());
        Process process = builder.start();
        Measurement result = null;
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                Measurement parsed = Measurement.parse(line);
                if (parsed != null) {
                    result = parsed;
                }
            }
        } finally {
            if (stop.requested()) {
                process.destroy();
            }
        }
        int status = process.waitFor();
        if (status != 0 || result == null) {
            throw new IOException("the " + model.label() + " model on backend " + backend
                    + " failed (exit status " + status + ")");
        }
        return result;
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
            Path code = Path.of(Benchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path folder = code; folder != null; folder = folder.getParent()) {
                if (folder.getFileName() != null && folder.getFileName().toString().equals("target")) {
                    return folder.getParent();
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // Not from a file (or no code source): fall back to the working directory.
        }
        return Path.of("").toAbsolutePath();
    }

    private String header(BenchOptions options) {
        StringBuilder text = new StringBuilder();
        text.append("nnx bench: Fashion-MNIST from ").append(options.data()).append("; ");
        for (ReferenceModel model : options.models()) {
            text.append(model.label()).append(" = ").append(model.description()).append(", ")
                    .append(options.epochsOf(model)).append(options.epochsOf(model) == 1 ? " epoch; " : " epochs; ");
        }
        text.append("shuffled epochs; ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version"));
        if (options.backends().isEmpty()) {
            text.append("; backend ").append(Blas.current().name());
            BlasSelection.Choice choice = BlasSelection.installed();
            if (choice != null && choice.blas() == Blas.current() && Blas.current() instanceof JavaBlas) {
                text.append(" (").append(choice.reason()).append(")");
            }
        } else {
            text.append("; backends ").append(String.join(", ", options.backends())).append(" (one JVM each)");
        }
        if (options.sideBySide() > 1) {
            text.append("; ").append(options.sideBySide()).append(" runs side by side, samples/s summed");
        }
        return text.toString();
    }

    private static String trainerLabel(Measurement measurement) {
        return measurement.runs() > 1 ? measurement.trainer() + " ×" + measurement.runs() : measurement.trainer();
    }

    /** Medians and ranges by model and trainer, in the order first measured, with the ratio to numpy. */
    static String table(List<Measurement> measurements) {
        Map<String, List<Measurement>> groups = new LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            groups.computeIfAbsent(measurement.model() + "\t" + trainerLabel(measurement), key -> new ArrayList<>())
                    .add(measurement);
        }
        Map<String, Double> numpy = new LinkedHashMap<>();
        for (List<Measurement> group : groups.values()) {
            Measurement first = group.get(0);
            if (first.trainer().startsWith("numpy") && !numpy.containsKey(first.model())) {
                numpy.put(first.model(), median(group, Measurement::samplesPerSecond));
            }
        }
        int width = Math.max(7, groups.values().stream().mapToInt(g -> trainerLabel(g.get(0)).length()).max().orElse(7));
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%-5s  %-" + width + "s  %3s  %10s  %-17s  %8s  %8s  %9s%n", "model",
                "trainer", "n", "samples/s", "(min–max)", "test acc", "vs numpy", "peak heap"));
        for (List<Measurement> group : groups.values()) {
            Measurement first = group.get(0);
            double samples = median(group, Measurement::samplesPerSecond);
            double low = group.stream().mapToDouble(Measurement::samplesPerSecond).min().orElse(Double.NaN);
            double high = group.stream().mapToDouble(Measurement::samplesPerSecond).max().orElse(Double.NaN);
            Double reference = numpy.get(first.model());
            double heap = group.stream().mapToDouble(Measurement::peakHeapMegabytes).max().orElse(Double.NaN);
            text.append(String.format(Locale.ROOT, "%-5s  %-" + width + "s  %3d  %10s  %-17s  %8.4f  %8s  %9s%n",
                    first.model(), trainerLabel(first), group.size(), thousands(samples),
                    "(" + thousands(low) + "–" + thousands(high) + ")", median(group, Measurement::testAccuracy),
                    reference == null ? "" : String.format(Locale.ROOT, "%.2f×", samples / reference),
                    Double.isNaN(heap) ? "" : String.format(Locale.ROOT, "%.0f MB", heap)));
        }
        return text.toString();
    }

    /**
     * Each nnx trainer against the numpy run of the same repeat, which ran minutes apart at most: on a machine
     * whose speed drifts (a shared host), these ratios vary less than the ratio of the medians.
     */
    static String pairedRatios(List<Measurement> measurements, List<Integer> repeats) {
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (int i = 0; i < measurements.size(); i++) {
            Measurement nnx = measurements.get(i);
            if (nnx.trainer().startsWith("numpy")) {
                continue;
            }
            for (int j = 0; j < measurements.size(); j++) {
                Measurement numpy = measurements.get(j);
                if (repeats.get(j).equals(repeats.get(i)) && numpy.trainer().startsWith("numpy")
                        && numpy.model().equals(nnx.model())) {
                    ratios.computeIfAbsent(nnx.model() + "  " + trainerLabel(nnx), key -> new ArrayList<>())
                            .add(nnx.samplesPerSecond() / numpy.samplesPerSecond());
                    break;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        if (!ratios.isEmpty()) {
            text.append("\nvs the numpy run of the same repeat:\n");
        }
        for (Map.Entry<String, List<Double>> entry : ratios.entrySet()) {
            double[] sorted = entry.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int middle = sorted.length / 2;
            double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
            text.append(String.format(Locale.ROOT, "%s  median %.2f×  (", entry.getKey(), median));
            for (int k = 0; k < entry.getValue().size(); k++) {
                text.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f×", entry.getValue().get(k)));
            }
            text.append(")\n");
        }
        return text.toString();
    }

    private static double median(List<Measurement> group, java.util.function.ToDoubleFunction<Measurement> value) {
        double[] values = group.stream().mapToDouble(value).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /** {@code 412.3 k}: samples/s to a tenth of a thousand. */
    private static String thousands(double value) {
        return String.format(Locale.ROOT, "%.1f k", value / 1000);
    }
}
