/**
 * The checked, resolved description of what to train: immutable records made by
 * {@link org.nnx.analysis} from a parsed file and read by {@link org.nnx.train}. A run is fully described
 * by its {@link org.nnx.model.RunConfig}, so it can be executed anywhere that has the same components.
 */
package org.nnx.model;
