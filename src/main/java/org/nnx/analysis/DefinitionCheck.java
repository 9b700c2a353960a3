package org.nnx.analysis;

/**
 * One rule about a definition. A check reports every violation it finds and assumes nothing that other
 * checks guard, so that all problems of a file come out in one pass.
 */
interface DefinitionCheck {
    void check(DefinitionView definition, AnalysisContext context, Diagnostics diagnostics);
}
