package org.nnx.tensor;

/**
 * A loop over elements {@code [0, n)} whose iterations are independent, run in two halves on the calling
 * thread's {@link CorePair} when it has one, the loop is long enough and the pair's helper is not busy with
 * background chunks, else whole on the calling thread.
 * Subclasses keep what {@link #range} reads in fields set before {@link #loop(int)}, and are made once and reused,
 * so that a run allocates nothing. Each element is computed the same way whichever thread computes it, and
 * {@link #range} is called on consecutive blocks in ascending order, so a loop must not depend on where a
 * range begins or ends.
 */
public abstract class SplitLoop implements CorePair.Task {
    /**
     * For loops of a few cheap operations an element: handing a half to the helper costs about what one core
     * does on some thousands of such elements, so shorter loops gain nothing from a second core.
     */
    public static final int CHEAP_ELEMENTS = 16_384;
    /** The most indices one call of {@link #range} covers (see {@link #blocks}): 16 KiB of floats. */
    public static final int BLOCK = 4_096;

    private final int minimumLength;
    private int length;

    /** @param minimumLength loops shorter than this run whole on the calling thread */
    protected SplitLoop(int minimumLength) {
        this.minimumLength = minimumLength;
    }

    /** A loop of cheap elements, split from {@link #CHEAP_ELEMENTS} on. */
    protected SplitLoop() {
        this(CHEAP_ELEMENTS);
    }

    /** Computes elements {@code [from, to)}. */
    protected abstract void range(int from, int to);

    /** Computes elements {@code [0, n)}. */
    public final void loop(int n) {
        CorePair cores = CorePair.current();
        // While background work has chunks left, the helper is busy with them: this loop runs whole here.
        if (cores == null || n < minimumLength || cores.backgroundPending()) {
            blocks(0, n);
            return;
        }
        length = n;
        cores.run(this);
    }

    @Override
    public final void run(int half) {
        // Cut at a multiple of 16 floats, a 64-byte cache line, so the two cores never write one line.
        int cut = length / 2 / 16 * 16;
        if (half == 0) {
            blocks(0, cut);
        } else {
            blocks(cut, length);
        }
    }

    /**
     * Calls {@link #range} on consecutive pieces of at most {@link #BLOCK} indices. The JIT counts calls: C2
     * compiles a method with loops only after its 50th call, and until then C1's profiling code runs the loop
     * far slower. Called a block at a time, a layer's loops reach C2 within the first few steps instead of
     * a dozen or more steps in, for a cost a warmed-up loop hardly notices (docs/performance.md has the figures).
     */
    private void blocks(int from, int to) {
        int start = from;
        while (start < to) {
            int end = to - start > BLOCK ? start + BLOCK : to;
            range(start, end);
            start = end;
        }
    }
}
