package org.nnx.dsl.ast;

import java.util.List;
import org.nnx.dsl.SourceFile;

/** A whole parsed file: its imports and definitions in order. */
public record NnxFile(SourceFile source, List<Import> imports, List<Definition> definitions) {
    public NnxFile {
        imports = List.copyOf(imports);
        definitions = List.copyOf(definitions);
    }
}
