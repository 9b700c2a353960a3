package org.nnx.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code nnx bench}.
 *
 * @param models     the reference models to train, in order
 * @param epochs     epochs for every model, or null for each model's default (small 5, big 3)
 * @param repeat     fresh measurements of each (model, trainer); the table shows their median and range
 * @param backends   backends to measure each in a child JVM ({@code java}, {@code netlib-java}, {@code native},
 *                   {@code native:N} for N OpenBLAS threads, {@code auto}); empty: the one in force, in process
 * @param sideBySide independent runs trained at once, one thread each, their samples/s summed
 * @param peers      whether to run shared/bench's numpy peer too
 * @param peerDir    the folder of {@code peer_numpy.py}
 * @param python     the python3 that runs it
 * @param peerThreads OpenBLAS threads for numpy, or null for numpy's default
 * @param data       the Fashion-MNIST folder
 * @param gemm       measure the backend's matrix products on the models' shapes instead of training
 * @param phases     time each part of a training step instead of training whole runs
 * @param steps      the steps {@code --phases} times (after half as many again to warm up)
 * @param seed       the first run's seed
 * @param child      internal: train once per model and print machine-readable lines for a parent bench
 * @param cores      the cores a lone run may use: 2 splits its products and batch fills over both (as
 *                   {@code nnx run} does), 1 keeps it on one
 */
public record BenchOptions(List<ReferenceModel> models, Integer epochs, int repeat, List<String> backends,
                           int sideBySide, boolean peers, Path peerDir, Path python, Integer peerThreads, Path data,
                           boolean gemm, boolean phases, int steps, long seed, boolean child, int cores) {

    public static final String USAGE = """
            nnx bench [--model small|big|both] [--epochs N] [--repeat N] [--backends LIST]
                      [--side-by-side N] [--peers] [--peer-dir DIR] [--python PATH] [--peer-threads N]
                      [--data DIR] [--seed N] [--cores 1|2] [--gemm] [--phases [--steps N]]
            """;

    public BenchOptions {
        models = List.copyOf(models);
        backends = List.copyOf(backends);
    }

    /**
     * Parses the arguments after {@code bench}.
     *
     * @param repository the repository nnx runs from; the peers' default folder is {@code ../shared/bench}
     *                   beside it
     * @throws IllegalArgumentException for an unknown option or a bad value, with a message for the user
     */
    public static BenchOptions parse(List<String> args, Path repository) {
        List<ReferenceModel> models = List.of(ReferenceModel.SMALL, ReferenceModel.BIG);
        Integer epochs = null;
        int repeat = 1;
        List<String> backends = new ArrayList<>();
        int sideBySide = 1;
        boolean peers = false;
        Path peerDir = repository.resolve("../shared/bench").normalize();
        Path python = Path.of("/usr/bin/python3");
        Integer peerThreads = null;
        Path data = Path.of(FashionMnist.DEBIAN_FOLDER);
        boolean gemm = false;
        boolean phases = false;
        int steps = 2000;
        long seed = 1;
        boolean child = false;
        int cores = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--model" -> {
                    String value = value(args, ++i, arg);
                    models = value.equals("both") ? List.of(ReferenceModel.SMALL, ReferenceModel.BIG)
                            : List.of(ReferenceModel.of(value));
                }
                case "--epochs" -> epochs = positive(args, ++i, arg);
                case "--repeat" -> repeat = positive(args, ++i, arg);
                case "--backends" -> {
                    backends = new ArrayList<>();
                    for (String backend : value(args, ++i, arg).split(",")) {
                        BackendSpec.parse(backend.trim());
                        backends.add(backend.trim());
                    }
                }
                case "--side-by-side" -> sideBySide = positive(args, ++i, arg);
                case "--peers" -> peers = true;
                case "--peer-dir" -> peerDir = Path.of(value(args, ++i, arg));
                case "--python" -> python = Path.of(value(args, ++i, arg));
                case "--peer-threads" -> peerThreads = positive(args, ++i, arg);
                case "--data" -> data = Path.of(value(args, ++i, arg));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, arg));
                case "--gemm" -> gemm = true;
                case "--phases" -> phases = true;
                case "--steps" -> steps = positive(args, ++i, arg);
                case "--child" -> child = true;
                case "--cores" -> cores = positive(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option '" + arg + "' of bench");
            }
        }
        return new BenchOptions(models, epochs, repeat, backends, sideBySide, peers, peerDir, python, peerThreads,
                data, gemm, phases, steps, seed, child, cores);
    }

    /** The epochs for a model: {@code --epochs}, else the model's default. */
    int epochsOf(ReferenceModel model) {
        return epochs != null ? epochs : model.defaultEpochs();
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
}
