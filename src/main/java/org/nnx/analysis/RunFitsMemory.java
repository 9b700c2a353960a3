package org.nnx.analysis;

import java.util.List;
import java.util.Optional;
import org.nnx.dsl.SourceLocation;
import org.nnx.dsl.ast.Statement;
import org.nnx.spi.Dataset;

/**
 * A run fits in the memory nnx may use, and no tensor it needs is larger than Java can index: a model of
 * three billion weights, or a million layers, is refused here with the figures, instead of running out of
 * memory minutes into training. Runs after {@link ModelFitsDataset}, which reports a dataset that does not load.
 */
final class RunFitsMemory implements DefinitionCheck {
    /** The largest number of entries one tensor can hold: a Java array's limit. */
    static final long MAX_TENSOR_ENTRIES = Integer.MAX_VALUE - 8;
    /** What the rest of nnx and the JVM need besides the run itself. */
    static final long RESERVED_BYTES = 64L << 20;

    private final long availableBytes;

    /** @param availableBytes the heap nnx may use, all runs and data included */
    RunFitsMemory(long availableBytes) {
        this.availableBytes = availableBytes;
    }

    @Override
    public void check(BoundDefinition experiment, AnalysisContext context, Diagnostics diagnostics) {
        Optional<RunSizing> sized = RunSizing.of(experiment, context);
        if (sized.isEmpty()) {
            return;
        }
        RunSizing sizing = sized.get();
        List<Statement> written = experiment.view().model().orElseThrow().layers();
        for (int i = 0; i < sizing.layers().size(); i++) {
            MemoryEstimate.Layer layer = sizing.layers().get(i);
            if (layer.parameters() > MAX_TENSOR_ENTRIES) {
                diagnostics.error(
                        written.get(i).location(),
                        "layer '" + experiment.layers().orElseThrow().get(i).name()
                                + "' would have " + layer.parameters() + " parameters for its input of "
                                + layer.inputWidth()
                                + "; one tensor holds at most " + MAX_TENSOR_ENTRIES);
                return;
            }
        }
        int batchSize = sizing.batchSize();
        long widest = sizing.layers().stream()
                .mapToLong(l -> Math.max(l.inputWidth(), l.outputWidth()))
                .max()
                .orElse(1);
        if ((long) batchSize * widest > MAX_TENSOR_ENTRIES) {
            diagnostics.error(
                    batchLocation(experiment),
                    "a batch of " + batchSize + " samples through a layer "
                            + widest + " wide is " + (long) batchSize * widest + " numbers; one tensor holds at most "
                            + MAX_TENSOR_ENTRIES);
            return;
        }
        Dataset dataset = sizing.dataset();
        MemoryEstimate estimate = sizing.estimate();
        long usable = availableBytes - RESERVED_BYTES - datasetBytes(dataset);
        if (estimate.totalBytes() > usable) {
            diagnostics.error(
                    culprit(experiment, estimate, batchSize),
                    "this run needs about "
                            + MemoryEstimate.bytes(estimate.totalBytes())
                            + " of memory (parameters, gradients and optimizer "
                            + "state " + MemoryEstimate.bytes(estimate.parameterBytes()) + ", activations "
                            + MemoryEstimate.bytes(estimate.activationBytes()) + ", batches "
                            + MemoryEstimate.bytes(estimate.batchBytes()) + ") but nnx may use "
                            + MemoryEstimate.bytes(Math.max(0, usable)) + " besides its data; make the "
                            + (batchDriven(estimate, batchSize) ? "batch" : "model")
                            + " smaller, or give nnx more memory "
                            + "(NNX_JAVA_OPTS=-Xmx…)");
        }
    }

    /** A batch larger than an evaluation chunk, whose rows cost more than the parameters: the batch is to blame. */
    private static boolean batchDriven(MemoryEstimate estimate, int batchSize) {
        return batchSize > MemoryEstimate.EVALUATION_ROWS
                && estimate.activationBytes() + estimate.batchBytes() > estimate.parameterBytes();
    }

    /** Where to point: the batch size, the one layer that takes half or more, or the model as a whole. */
    private static SourceLocation culprit(BoundDefinition experiment, MemoryEstimate estimate, int batchSize) {
        if (batchDriven(estimate, batchSize)) {
            return batchLocation(experiment);
        }
        var model = experiment.view().model().orElseThrow();
        int largest = estimate.largestLayer();
        return largest >= 0 && 2 * estimate.layerBytes()[largest] >= estimate.totalBytes()
                ? model.layers().get(largest).location()
                : model.location();
    }

    /** The data as float32 numbers: what a dataset holds at most, whatever it stores them as. */
    private static long datasetBytes(Dataset dataset) {
        return ((long) dataset.train().size() + dataset.test().size())
                * dataset.features()
                * MemoryEstimate.FLOAT_BYTES;
    }

    private static SourceLocation batchLocation(BoundDefinition experiment) {
        return experiment
                .view()
                .setting("batch_size")
                .map(Statement::location)
                .orElse(experiment.view().definition().name().location());
    }
}
