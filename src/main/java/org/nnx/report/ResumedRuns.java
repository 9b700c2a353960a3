package org.nnx.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.nnx.files.OutputException;
import org.nnx.files.OutputTree;
import org.nnx.model.ExperimentPlan;
import org.nnx.model.RunPlan;
import org.nnx.saved.CheckpointFile;
import org.nnx.saved.SavedModelException;
import org.nnx.train.Checkpoint;
import org.nnx.train.Resumption;
import org.nnx.train.RunResult;
import org.nnx.train.RunStatus;

/**
 * What an interrupted {@code nnx run} left in an experiment's folder, for {@code --resume}: the runs that ended
 * (their rows in {@code summary.csv}, ok, diverged or failed), which stand, and the checkpoints of the others.
 * Made only after checking that every run the folder holds was written by this file's settings for that run.
 */
final class ResumedRuns implements Resumption {
    private final Path runsDirectory;
    private final List<String> runFolders;
    private final Map<RunPlan, Integer> indexes = new IdentityHashMap<>();
    private final RunResult[] ended;

    private ResumedRuns(ExperimentPlan plan, Path runsDirectory, List<String> runFolders, RunResult[] ended) {
        this.runsDirectory = runsDirectory;
        this.runFolders = runFolders;
        this.ended = ended;
        for (int i = 0; i < plan.runs().size(); i++) {
            indexes.put(plan.runs().get(i), i);
        }
    }

    /**
     * @throws OutputException when the folder holds another experiment's results, or runs whose settings are
     *                         not this file's (another seed, other values), naming those runs
     */
    static ResumedRuns read(OutputTree tree, String folder, ExperimentPlan plan, List<String> runFolders, String sha256)
            throws OutputException {
        Path directory = tree.root().resolve(folder);
        Path runs = directory.resolve(ReportWriter.RUNS_DIRECTORY);
        RunResult[] ended = new RunResult[plan.runs().size()];
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return new ResumedRuns(plan, runs, runFolders, ended);
        }
        try {
            String name = ExperimentFiles.facts(directory).get("name");
            if (name != null && !name.equals(plan.name())) {
                throw new OutputException("--resume: " + directory + " holds the results of experiment " + name
                        + ", not of " + plan.name() + "; nnx will not resume over them");
            }
            List<String> differing = differing(plan, runs, runFolders);
            if (!differing.isEmpty()) {
                throw new OutputException("--resume: " + directory + " holds runs written by other settings than "
                        + plan.source() + "'s: " + String.join(", ", differing)
                        + "; nnx will not overwrite them (use another --out)");
            }
            if (Files.isRegularFile(directory.resolve(ReportWriter.SUMMARY_FILE))) {
                Map<String, RunResult> earlier = new HashMap<>();
                ExperimentFiles.read(directory).result().runs().forEach(r -> earlier.put(r.name(), r));
                for (int i = 0; i < ended.length; i++) {
                    RunResult before = earlier.get(plan.runs().get(i).name());
                    if (before != null && before.status() != RunStatus.STOPPED) {
                        ended[i] = asRunOf(plan.runs().get(i), before);
                    }
                }
            }
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputException("--resume: cannot read " + directory + ": " + e.getMessage());
        }
        return new ResumedRuns(plan, runs, runFolders, ended);
    }

    /** The runs on disk whose settings are not the plan's for them, and run folders the plan does not have. */
    private static List<String> differing(ExperimentPlan plan, Path runs, List<String> runFolders) throws IOException {
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < runFolders.size(); i++) {
            Optional<String> written = settingsOnDisk(runs.resolve(runFolders.get(i)));
            if (written.isPresent() && !written.get().equals(plan.runs().get(i).settings())) {
                differing.add(plan.runs().get(i).name());
            }
        }
        if (Files.isDirectory(runs)) {
            try (Stream<Path> folders = Files.list(runs)) {
                folders.map(p -> p.getFileName().toString())
                        .filter(f -> !runFolders.contains(f))
                        .sorted()
                        .forEach(differing::add);
            }
        }
        return differing;
    }

    /** The run's {@code run.nnx}, or the definition its checkpoint was made for; empty when it has neither. */
    private static Optional<String> settingsOnDisk(Path runFolder) throws IOException {
        Path settings = runFolder.resolve(ReportWriter.RUN_SETTINGS_FILE);
        if (Files.isRegularFile(settings)) {
            return Optional.of(Files.readString(settings, StandardCharsets.UTF_8));
        }
        Path checkpoint = runFolder.resolve(CheckpointFile.NAME);
        if (Files.isRegularFile(checkpoint)) {
            try {
                return Optional.of(CheckpointFile.read(checkpoint).definition());
            } catch (SavedModelException e) {
                throw new IOException(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** A result read back from the files, as a result of {@code run}, the plan's own. */
    private static RunResult asRunOf(RunPlan run, RunResult read) {
        return RunResult.builder(run, read.status())
                .reason(read.reason())
                .metrics(read.metrics())
                .accuracies(read.trainAccuracy(), read.testAccuracy())
                .loss(read.loss())
                .seconds(read.seconds())
                .samplesPerSecond(read.samplesPerSecond())
                .provenance(read.provenance())
                .gradientCheck(read.gradientCheck())
                .build();
    }

    /** Marks the ended runs as finished and written, so that the writer neither waits for them nor rewrites them. */
    void ended(RunResult[] finished, boolean[] written) {
        for (int i = 0; i < ended.length; i++) {
            if (ended[i] != null) {
                finished[i] = ended[i];
                written[i] = true;
            }
        }
    }

    @Override
    public Optional<RunResult> finished(RunPlan run) {
        Integer index = indexes.get(run);
        return index == null ? Optional.empty() : Optional.ofNullable(ended[index]);
    }

    @Override
    public Optional<Checkpoint> checkpoint(RunPlan run) {
        Integer index = indexes.get(run);
        if (index == null || ended[index] != null) {
            return Optional.empty();
        }
        Path file = runsDirectory.resolve(runFolders.get(index)).resolve(CheckpointFile.NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CheckpointFile.read(file));
        } catch (SavedModelException e) {
            // Written whole or not at all, a checkpoint is unreadable only if damaged since: start the run afresh.
            return Optional.empty();
        }
    }
}
