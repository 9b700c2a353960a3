package org.nnx.spi;

import java.util.List;

/** What every contribution has: its DSL name, a one-line description and the parameters it takes. */
public interface Component {

    /** The name users write in an {@code .nnx} file, e.g. {@code dense}. */
    String name();

    /** One line for {@code nnx plugins} and the report. */
    String description();

    /** The parameters in positional order: {@code dense 50} binds 50 to the first. */
    default List<ParameterSpec> parameters() {
        return List.of();
    }
}
