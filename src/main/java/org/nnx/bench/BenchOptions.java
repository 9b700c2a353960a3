package org.nnx.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nnx.builtins.data.FashionMnistDatasetFactory;

/**
 * The options of {@code nnx bench}.
 *
 * @param models     the reference models to train, in order
 * @param epochs     epochs for every model, or null for the length each model's file gives
 * @param repeat     fresh measurements of each (model, trainer); the table shows their median and range
 * @param backends   backends to measure each in a child JVM ({@code java}, {@code netlib-java}, {@code native},
 *                   {@code native:N} for N OpenBLAS threads, {@code auto}); empty: the one in force, in process
 * @param sideBySide independent runs trained at once, one thread each, their samples/s summed
 * @param peers      whether to run shared/bench's numpy peer too
 * @param peerDir    the folder of {@code peer_numpy.py}
 * @param python     the python3 that runs it
 * @param peerThreads OpenBLAS threads for numpy, or null for numpy's default
 * @param data       the folder the models' datasets read (as their {@code dir}): Fashion-MNIST's for the
 *                   reference models and the peers
 * @param gemm       measure the backend's matrix products on the models' shapes instead of training
 * @param phases     time each part of a training step instead of training whole runs
 * @param steps      the steps {@code --phases} times (after half as many again to warm up)
 * @param seed       the first run's seed
 * @param child      internal: train once per model and print machine-readable lines for a parent bench
 * @param cores      the cores a lone run may use: 2 splits its products and batch fills over both (as
 *                   {@code nnx run} does), 1 keeps it on one
 * @param zoo        train the zoo's models ({@code experiments/zoo/*.nnx}, or those {@code --model} names) with
 *                   nnx, PyTorch and numpy, and print the zoo's table
 * @param zooPeer    the zoo's peer script, {@code bench/pytorch_zoo.py} of the repository by default
 * @param zooThreads the thread counts each zoo peer runs with, each a measurement of its own ({@code 1,2}
 * @param zooPeers   the frameworks the zoo's peer script trains with ({@code --zoo-peers torch,numpy})
 */
public record BenchOptions(
        List<ReferenceModel> models,
        Integer epochs,
        int repeat,
        List<String> backends,
        int sideBySide,
        boolean peers,
        Path peerDir,
        Path python,
        Integer peerThreads,
        Path data,
        boolean gemm,
        boolean phases,
        int steps,
        long seed,
        boolean child,
        int cores,
        boolean zoo,
        Path zooPeer,
        List<Integer> zooThreads,
        List<ZooPeer.Framework> zooPeers) {

    public static final String USAGE = """
            nnx bench [--model small|big|both|FILE.nnx,...] [--epochs N] [--repeat N] [--backends LIST]
                      [--side-by-side N] [--peers] [--peer-dir DIR] [--python PATH] [--peer-threads N]
                      [--data DIR] [--seed N] [--cores 1|2] [--gemm] [--phases [--steps N]]
            nnx bench --zoo [--model FILE.nnx,...] [--epochs N] [--repeat N] [--zoo-threads N,...]
                      [--zoo-peers torch,numpy] [--zoo-peer FILE] [--python PATH] [--data DIR] [--seed N]
            """;

    public BenchOptions {
        models = List.copyOf(models);
        backends = List.copyOf(backends);
        zooThreads = List.copyOf(zooThreads);
        zooPeers = List.copyOf(zooPeers);
    }

    /**
     * Parses the arguments after {@code bench}.
     *
     * @param repository the repository nnx runs from, which holds the named models' files; the peers' default
     *                   folder is {@code ../shared/bench} beside it
     * @throws IllegalArgumentException for an unknown option or a bad value, with a message for the user
     */
    public static BenchOptions parse(List<String> args, Path repository) {
        Parsing parsing = new Parsing(repository);
        for (int i = 0; i < args.size(); i++) {
            i = parsing.read(args, i);
        }
        return parsing.options();
    }

    /** The options as read so far, from their defaults on. */
    private static final class Parsing {
        private final Path repository;
        private List<ReferenceModel> models;
        private Integer epochs;
        private int repeat = 1;
        private List<String> backends = List.of();
        private int sideBySide = 1;
        private boolean peers;
        private Path peerDir;
        private Path python = Path.of("/usr/bin/python3");
        private Integer peerThreads;
        private Path data = FashionMnistDatasetFactory.DEFAULT_DIRECTORY;
        private boolean gemm;
        private boolean phases;
        private int steps = 2000;
        private long seed = 1;
        private boolean child;
        private int cores = Runtime.getRuntime().availableProcessors();
        private boolean zoo;
        private boolean modelsGiven;
        private Path zooPeer;
        private List<Integer> zooThreads = List.of(1);
        private List<ZooPeer.Framework> zooPeers = List.of(ZooPeer.Framework.values());

        Parsing(Path repository) {
            this.repository = repository;
            this.models = ReferenceModel.catalog(repository);
            this.peerDir = repository.resolve("../shared/bench").normalize();
            this.zooPeer = repository.resolve("bench").resolve("pytorch_zoo.py");
        }

        /** Reads the option at {@code i} and its value; returns the index of the last argument read. */
        int read(List<String> args, int i) {
            String arg = args.get(i);
            switch (arg) {
                case "--model" -> {
                    models = ReferenceModel.named(value(args, ++i, arg), repository);
                    modelsGiven = true;
                }
                case "--epochs" -> epochs = positive(args, ++i, arg);
                case "--repeat", "--repeats" -> repeat = positive(args, ++i, arg);
                case "--backends" -> backends = backends(value(args, ++i, arg));
                case "--side-by-side" -> sideBySide = positive(args, ++i, arg);
                case "--peers" -> peers = true;
                case "--peer-dir" -> peerDir = Path.of(value(args, ++i, arg));
                case "--python" -> python = Path.of(value(args, ++i, arg));
                case "--peer-threads" -> peerThreads = positive(args, ++i, arg);
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--seed" -> seed = whole(args, ++i, arg);
                case "--gemm" -> gemm = true;
                case "--phases" -> phases = true;
                case "--steps" -> steps = positive(args, ++i, arg);
                case "--child" -> child = true;
                case "--cores" -> cores = positive(args, ++i, arg);
                case "--zoo" -> zoo = true;
                case "--zoo-peer" -> zooPeer = Path.of(value(args, ++i, arg));
                case "--zoo-threads" -> zooThreads = positives(value(args, ++i, arg), arg);
                case "--zoo-peers" -> zooPeers = frameworks(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "' of bench");
            }
            return i;
        }

        BenchOptions options() {
            if (zoo && !modelsGiven) {
                models = ReferenceModel.zoo(repository);
            }
            return new BenchOptions(
                    models,
                    epochs,
                    repeat,
                    backends,
                    sideBySide,
                    peers,
                    peerDir,
                    python,
                    peerThreads,
                    data,
                    gemm,
                    phases,
                    steps,
                    seed,
                    child,
                    cores,
                    zoo,
                    zooPeer,
                    zooThreads,
                    zooPeers);
        }
    }

    /** Each backend of a comma-separated list, checked. */
    private static List<String> backends(String list) {
        List<String> backends = new ArrayList<>();
        for (String backend : list.split(",")) {
            BackendSpec.parse(backend.trim());
            backends.add(backend.trim());
        }
        return backends;
    }

    /** A comma-separated list of whole numbers ≥ 1, each once. */
    private static List<Integer> positives(String list, String option) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : list.split(",")) {
            int number = positive(List.of(part.trim()), 0, option);
            if (!numbers.contains(number)) {
                numbers.add(number);
            }
        }
        return numbers;
    }

    /** The frameworks of a comma-separated list of their names ({@code torch}, {@code numpy}). */
    private static List<ZooPeer.Framework> frameworks(String list) {
        List<ZooPeer.Framework> frameworks = new ArrayList<>();
        for (String part : list.split(",")) {
            ZooPeer.Framework framework = ZooPeer.Framework.named(part.trim())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "--zoo-peers takes torch and numpy, not '" + part.trim() + "'"));
            if (!frameworks.contains(framework)) {
                frameworks.add(framework);
            }
        }
        return frameworks;
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int positive(List<String> args, int index, String option) {
        String text = value(args, index, option);
        try {
            int number = Integer.parseInt(text);
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new IllegalArgumentException(option + " needs a whole number ≥ 1, got '" + text + "'");
    }

    private static long whole(List<String> args, int index, String option) {
        String text = value(args, index, option);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'");
        }
    }
}
