package org.nnx.dsl;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.nnx.dsl.antlr.NnxBaseLexer;
import org.nnx.dsl.antlr.NnxBaseParser;

/**
 * ANTLR's recovery, except that a statement it cannot read costs only the rest of its line. By default a
 * bad token inside a block ends the whole block and, with it, the reporting of later errors; a file of
 * statements a line reads better when each line stands alone.
 */
final class LineRecoveryStrategy extends DefaultErrorStrategy {

    @Override
    public void sync(Parser parser) {
        try {
            super.sync(parser);
        } catch (InputMismatchException e) {
            boolean inBlock = parser.getContext() instanceof NnxBaseParser.BlockContext;
            boolean atTopLevel = parser.getContext() instanceof NnxBaseParser.FileContext;
            if (!inBlock && !atTopLevel) {
                throw e;
            }
            reportError(parser, e);
            IntervalSet lineEnds = inBlock
                    ? IntervalSet.of(NnxBaseLexer.NL).or(IntervalSet.of(NnxBaseLexer.RBRACE))
                    : IntervalSet.of(NnxBaseLexer.NL);
            consumeUntil(parser, lineEnds);
        }
    }
}
