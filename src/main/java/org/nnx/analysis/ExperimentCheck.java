package org.nnx.analysis;

/**
 * One rule about an experiment. A check reports every violation it finds and assumes nothing that other
 * checks guard, so that all problems of a file come out in one pass.
 */
interface ExperimentCheck {
    void check(Experiment experiment, AnalysisContext context, Diagnostics diagnostics);
}
