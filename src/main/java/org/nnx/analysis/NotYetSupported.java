package org.nnx.analysis;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nnx.registry.ComponentKind;

/**
 * Names that the language contract defines but this version of nnx does not implement yet. Naming one is
 * a located "not supported yet" error rather than an "unknown" one, so nobody hunts for a typo.
 */
final class NotYetSupported {
    private static final Map<ComponentKind, Set<String>> COMPONENTS = Map.of(
            ComponentKind.LAYER, Set.of("dropout", "batch_norm"),
            ComponentKind.OPTIMIZER, Set.of("momentum", "nesterov", "adagrad", "rmsprop", "adam"),
            ComponentKind.DATASET, Set.of(),
            ComponentKind.LOSS, Set.of(),
            ComponentKind.INITIALIZER, Set.of());

    private NotYetSupported() {
    }

    /** {@code layer 'dropout' is not supported yet}, when the name is one of the contract's still to come. */
    static Optional<String> message(ComponentKind kind, String name) {
        return COMPONENTS.get(kind).contains(name)
                ? Optional.of(kind.label() + " '" + name + "' is not supported yet")
                : Optional.empty();
    }
}
