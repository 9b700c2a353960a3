package org.nnx.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.nnx.registry.ComponentRegistry;
import org.nnx.spi.Dataset;
import org.nnx.tensor.Blas;
import org.nnx.tensor.BlasSelection;
import org.nnx.tensor.CorePair;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.StopSignal;
import org.nnx.train.Trainer;
import org.nnx.train.TrainingListener;

/**
 * Trains a reference model through nnx's own training code ({@link Trainer}, the registry's layers, loss
 * and optimizer) on the backend in force, alone or as several independent runs side by side, one thread
 * each, as a sweep's runs could be.
 */
final class NnxTraining {
    private final ComponentRegistry registry;
    private final StopSignal stop;

    NnxTraining(ComponentRegistry registry, StopSignal stop) {
        this.registry = registry;
        this.stop = stop;
    }

    /**
     * Trains {@code runs} runs of the model at once (seeds {@code seed}, {@code seed + 1}, ...); a lone run
     * uses up to {@code cores} cores.
     *
     * @return samples/s summed over the runs, each counting its own training time; the first run's accuracy
     */
    Measurement train(ReferenceModel model, Dataset dataset, int epochs, long seed, int runs, int cores)
            throws InterruptedException {
        List<MemoryPoolMXBean> heap = heapPools();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        List<RunResult> results = new ArrayList<>();
        if (runs == 1) {
            // As `nnx run` trains a run alone: on both cores when the BLAS has one thread.
            boolean twoCores = cores > 1 && BlasSelection.threadsPerProduct(Blas.current()) == 1;
            try (CorePair pair = twoCores ? new CorePair() : null) {
                results.add(trainOne(model, dataset, epochs, seed, pair));
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(runs, runnable -> {
                Thread thread = new Thread(runnable, "nnx-bench-run");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<RunResult>> futures = new ArrayList<>();
                for (int run = 0; run < runs; run++) {
                    long runSeed = seed + run;
                    futures.add(pool.submit(() -> trainOne(model, dataset, epochs, runSeed, null)));
                }
                for (Future<RunResult> future : futures) {
                    results.add(future.get());
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException("a side-by-side run failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
        double samplesPerSecond = 0;
        for (RunResult result : results) {
            if (result.status() != RunStatus.OK) {
                throw new IllegalStateException("the " + model.label() + " model's run ended " + result.status()
                        + ": " + result.reason());
            }
            samplesPerSecond += result.samplesPerSecond();
        }
        // The backend as the run recorded it: a lone run's products may have been split over two cores.
        String backend = results.get(0).provenance().getOrDefault("blas", Blas.current().name());
        return new Measurement(model.label(), backend, runs, samplesPerSecond,
                results.get(0).testAccuracy(), seconds, peakHeap);
    }

    private RunResult trainOne(ReferenceModel model, Dataset dataset, int epochs, long seed, CorePair cores) {
        return new Trainer(registry, stop).train(model.plan(epochs, seed, dataset.train().size()), dataset,
                TrainingListener.NONE, 0, 1, cores);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
                .toList();
    }
}
