package org.nnx.dsl.ast;

import java.util.List;
import org.nnx.dsl.SourceFile;
import org.nnx.dsl.SourceLocation;

/** A whole parsed file: its imports and definitions in order. */
public record NnxFile(SourceFile source, List<Import> imports, List<Definition> definitions) {
    public NnxFile {
        imports = List.copyOf(imports);
        definitions = List.copyOf(definitions);
    }

    /** The file's first position, for problems with the file as a whole. */
    public SourceLocation start() {
        return new SourceLocation(source, 1, 1, 1);
    }
}
