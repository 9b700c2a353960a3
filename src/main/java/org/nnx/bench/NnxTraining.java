package org.nnx.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.nnx.registry.ComponentRegistry;
import org.nnx.registry.DatasetLoader;
import org.nnx.tensor.Blas;
import org.nnx.tensor.BlasSelection;
import org.nnx.train.ExperimentRunner;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;
import org.nnx.train.StopSignal;
import org.nnx.train.Trainer;
import org.nnx.train.TrainingListener;

/**
 * Trains a reference model as {@code nnx run} trains an experiment, through nnx's {@link ExperimentRunner} on
 * the backend in force: alone, or as several independent runs side by side, one thread each, as a sweep's
 * runs train.
 */
final class NnxTraining {
    private final ComponentRegistry registry;
    private final DatasetLoader datasets;
    private final StopSignal stop;

    /** @param datasets where the models' data was loaded when their files were checked */
    NnxTraining(ComponentRegistry registry, DatasetLoader datasets, StopSignal stop) {
        this.registry = registry;
        this.datasets = datasets;
        this.stop = stop;
    }

    /**
     * Trains {@code runs} runs of the model at once (seeds {@code seed}, {@code seed + 1}, ...); a lone run
     * uses up to {@code cores} cores.
     *
     * @param epochs {@code --epochs}, or null for the file's length
     * @return samples/s summed over the runs, each counting its own training time; the first run's accuracy
     */
    Measurement train(BenchModel model, Integer epochs, long seed, int runs, int cores) {
        List<MemoryPoolMXBean> heap = heapPools();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        List<RunResult> results = new ExperimentRunner(
                        new Trainer(registry, stop), datasets, stop, runsAtOnce(runs, cores))
                .run(model.runs(epochs, seed, runs), TrainingListener.NONE)
                .runs();
        double seconds = (System.nanoTime() - started) / 1e9;
        double peakHeap =
                heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024.0 * 1024.0);
        double samplesPerSecond = 0;
        for (RunResult result : results) {
            if (result.status() != RunStatus.OK) {
                throw new IllegalStateException(
                        "the " + model.label() + " model's run ended " + result.status() + ": " + result.reason());
            }
            samplesPerSecond += result.samplesPerSecond();
        }
        // The backend as the run recorded it: a lone run's products may have been split over two cores.
        String backend =
                results.get(0).provenance().getOrDefault("blas", Blas.current().name());
        return new Measurement(
                model.label(), backend, runs, samplesPerSecond, results.get(0).testAccuracy(), seconds, peakHeap);
    }

    /**
     * Runs side by side all at once, one thread each; a lone run on both cores when the BLAS has one thread, as
     * {@code nnx run} trains a run alone (the runner then gives it a core pair).
     */
    private static int runsAtOnce(int runs, int cores) {
        if (runs > 1) {
            return runs;
        }
        return cores > 1 && BlasSelection.threadsPerProduct(Blas.current()) == 1 ? cores : 1;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
                .toList();
    }
}
