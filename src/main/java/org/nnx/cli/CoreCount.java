package org.nnx.cli;

/**
 * The cores {@code nnx run} trains on: the machine's, or {@code NNX_CORES} when set. More than the machine has
 * is allowed (a run alone then trains on a group of that many threads, which shows that its numbers do not
 * depend on how its parts are scheduled); fewer keeps cores free for other work.
 */
final class CoreCount {
    /** The environment variable that sets the cores. */
    static final String VARIABLE = "NNX_CORES";

    private CoreCount() {}

    /**
     * @param value     {@code NNX_CORES}'s value, or null when unset
     * @param available the machine's cores
     * @throws CommandFailure (status 2) when the value is not a whole number from 1 to 1024
     */
    static int of(String value, int available) {
        if (value == null || value.isBlank()) {
            return available;
        }
        try {
            int cores = Integer.parseInt(value.trim());
            if (cores >= 1 && cores <= org.nnx.tensor.CoreGroup.MAX_SIZE) {
                return cores;
            }
        } catch (NumberFormatException e) {
            // Reported below with the accepted range.
        }
        throw new CommandFailure(
                ExitStatus.BAD_INPUT,
                VARIABLE + "=" + value + " is not a number of cores; use a whole number from 1 to "
                        + org.nnx.tensor.CoreGroup.MAX_SIZE);
    }
}
