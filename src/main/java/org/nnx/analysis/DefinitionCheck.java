package org.nnx.analysis;

/**
 * One rule about a run's definition, read from its bound values. A check reports every violation it finds
 * and assumes nothing that other checks guard, so that all problems of a file come out in one pass; where a
 * value it needs did not bind, binding has already said why, and the check stays silent.
 */
interface DefinitionCheck {
    void check(BoundDefinition definition, AnalysisContext context, Diagnostics diagnostics);
}
