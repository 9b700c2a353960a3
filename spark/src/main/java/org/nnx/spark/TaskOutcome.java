package org.nnx.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What an executor hands back for one run: where it trained, and the run's messages ({@code Worker#train}'s
 * lines) for the driver to replay into nnx's writers.
 *
 * @param executor Spark's id of the executor ({@code driver} for an embedded Spark)
 * @param host     the executor's host, as Spark knows it
 * @param resumedAt the iteration of the checkpoint an earlier attempt left that this one went on from; 0 when it
 *                  trained the run from its start
 */
record TaskOutcome(String executor, String host, List<String> lines, long resumedAt) implements Serializable {
    TaskOutcome {
        lines = List.copyOf(lines);
    }

    /** {@code HOST (executor ID)}, as the run's provenance names it. */
    String where() {
        return host + " (executor " + executor + ")";
    }
}
