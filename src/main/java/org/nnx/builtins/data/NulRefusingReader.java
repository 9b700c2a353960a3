package org.nnx.builtins.data;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Text that must not contain NUL: a CSV parser trims it away like a space, so {@code 2<NUL>} would read as 2
 * and a binary file could pass for data. Fails at the first NUL, saying on which line it stands.
 */
final class NulRefusingReader extends FilterReader {
    /** Thrown through the CSV parser, which passes I/O failures on. */
    static final class NulCharacterException extends IOException {
        final int line;

        NulCharacterException(int line) {
            super("a NUL character on line " + line);
            this.line = line;
        }
    }

    private int line = 1;

    NulRefusingReader(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        check(c);
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        for (int i = offset; i < offset + read; i++) {
            check(buffer[i]);
        }
        return read;
    }

    private void check(int c) throws NulCharacterException {
        if (c == '\n') {
            line++;
        } else if (c == 0) {
            throw new NulCharacterException(line);
        }
    }
}
