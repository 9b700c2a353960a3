package org.nnx.report;

import org.nnx.train.RunStatus;

/**
 * How a run ended as the page counts it: the trainer's status, except that a run whose loss blew up without
 * tripping the trainer's divergence rule is counted as having blown up. The header, the findings and the
 * runs table all count by this, so their numbers agree.
 */
enum RunOutcome {
    OK("ok"),
    BLEW_UP("blew up"),
    DIVERGED("diverged"),
    STOPPED("stopped"),
    FAILED("failed"),
    PRUNED("pruned"),
    SKIPPED("skipped");

    private final String label;

    RunOutcome(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static RunOutcome of(RunStatus status, boolean blewUp) {
        if (blewUp) {
            return BLEW_UP;
        }
        return switch (status) {
            case OK -> OK;
            case DIVERGED -> DIVERGED;
            case STOPPED -> STOPPED;
            case FAILED -> FAILED;
            case PRUNED -> PRUNED;
            case SKIPPED -> SKIPPED;
        };
    }
}
