package org.nnx.model.search;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * What a search may spend: {@code budget 200 epochs} (training epochs summed over its runs, counted as planned so
 * that the same file gives the same runs) or {@code budget 10 minutes} (wall-clock time: what starts after it has
 * passed does not run, so which runs fit depends on the machine).
 *
 * @param epochs  the epochs; 0 for none
 * @param time    the wall-clock time; {@link Duration#ZERO} for none
 */
public record Budget(long epochs, Duration time) {
    public static final Budget NONE = new Budget(0, Duration.ZERO);

    public static Budget ofEpochs(long epochs) {
        return new Budget(epochs, Duration.ZERO);
    }

    public static Budget ofTime(Duration time) {
        return new Budget(0, time);
    }

    public boolean isNone() {
        return epochs == 0 && time.isZero();
    }

    public OptionalLong epochLimit() {
        return epochs > 0 ? OptionalLong.of(epochs) : OptionalLong.empty();
    }

    /** As written: {@code 200 epochs}, {@code 10 minutes}, {@code 90 seconds}; empty for none. */
    public String text() {
        if (epochs > 0) {
            return epochs + (epochs == 1 ? " epoch" : " epochs");
        }
        if (time.isZero()) {
            return "";
        }
        long seconds = time.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + (seconds == 3600 ? " hour" : " hours");
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + (seconds == 60 ? " minute" : " minutes");
        }
        return seconds + (seconds == 1 ? " second" : " seconds");
    }
}
