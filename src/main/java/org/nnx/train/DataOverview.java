package org.nnx.train;

import java.util.Optional;

/**
 * What an experiment's report shows of its first run's data: the summary and the baselines, each empty when the
 * data did not load. A plugin's data is summarized in a process of its own: when that process dies, both are
 * empty and {@code unavailable} says why.
 *
 * @param unavailable why the data could not be summarized, for the report; empty when it could, or when the data
 *                    did not load (the runs then fail and say why)
 */
public record DataOverview(
        Optional<DatasetSummary> summary, Optional<Baselines> baselines, Optional<String> unavailable) {
    /** Neither summary nor baselines, for {@code reason}. */
    public static DataOverview unavailable(String reason) {
        return new DataOverview(Optional.empty(), Optional.empty(), Optional.of(reason));
    }
}
