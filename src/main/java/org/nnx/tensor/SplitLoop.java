package org.nnx.tensor;

/**
 * A loop over elements {@code [0, n)} whose iterations are independent, run in parts on the calling thread's
 * {@link CoreGroup} when it has one, the loop is long enough and no helper is busy with background chunks,
 * else whole on the calling thread. A loop of {@code n} elements is cut in as many parts as the group has
 * threads, but never in parts shorter than half the minimum length, so that a short loop does not pay for
 * hand-overs that save nothing.
 * Subclasses keep what {@link #range} reads in fields set before {@link #loop(int)}, and are made once and reused,
 * so that a run allocates nothing. Each element is computed the same way whichever thread computes it, and
 * {@link #range} is called on consecutive blocks in ascending order, so a loop must not depend on where a
 * range begins or ends.
 */
public abstract class SplitLoop implements CoreGroup.Task {
    /**
     * For loops of a few cheap operations an element: handing a part to a helper costs about what one core
     * does on some thousands of such elements, so shorter loops gain nothing from a second core.
     */
    public static final int CHEAP_ELEMENTS = 16_384;
    /** The most indices one call of {@link #range} covers (see {@link #blocks}): 16 KiB of floats. */
    public static final int BLOCK = 4_096;

    private final int minimumLength;
    private final int alignment;
    private int length;
    private int parts;

    /** @param minimumLength loops shorter than this run whole on the calling thread */
    protected SplitLoop(int minimumLength) {
        this(minimumLength, 16);
    }

    /**
     * A loop whose parts begin at multiples of {@code alignment}: with {@link #BLOCK}, every call of {@link #range}
     * covers one whole block {@code [k·BLOCK, (k + 1)·BLOCK)} (or the tail), whatever the number of threads, so a
     * loop can keep one partial result a block and combine them in order, with bits that do not depend on the cores.
     *
     * @param alignment a multiple of 16 that divides {@link #BLOCK}, or {@link #BLOCK} itself
     */
    protected SplitLoop(int minimumLength, int alignment) {
        if (alignment < 16 || alignment % 16 != 0 || BLOCK % alignment != 0) {
            throw new IllegalArgumentException(
                    "alignment must be a multiple of 16 dividing " + BLOCK + ": " + alignment);
        }
        this.minimumLength = minimumLength;
        this.alignment = alignment;
    }

    /** A loop of cheap elements, split from {@link #CHEAP_ELEMENTS} on. */
    protected SplitLoop() {
        this(CHEAP_ELEMENTS);
    }

    /** Computes elements {@code [from, to)}. */
    protected abstract void range(int from, int to);

    /** Computes elements {@code [0, n)}. */
    public final void loop(int n) {
        CoreGroup cores = CoreGroup.current();
        // While background work has chunks left, the helper is busy with them: this loop runs whole here.
        if (cores == null || n < minimumLength || cores.backgroundPending()) {
            blocks(0, n);
            return;
        }
        length = n;
        parts = parts(n, minimumLength, cores.size());
        cores.run(this, parts);
    }

    /** The parts a loop of {@code n ≥ minimumLength} elements is cut in on a group of {@code size} threads. */
    static int parts(int n, int minimumLength, int size) {
        return (int) Math.max(1, Math.min(size, n / Math.max(1, minimumLength / 2)));
    }

    @Override
    public final void run(int part) {
        blocks(cut(part, parts, length, alignment), cut(part + 1, parts, length, alignment));
    }

    /**
     * Where part {@code part} of {@code parts} begins: at a multiple of 16 floats, a 64-byte cache line, so that
     * two cores never write one line. Depends on nothing but its arguments, so a part is the same on any thread.
     */
    static int cut(int part, int parts, int length) {
        return cut(part, parts, length, 16);
    }

    /** {@link #cut(int, int, int)} at a multiple of {@code alignment} instead of 16. */
    static int cut(int part, int parts, int length, int alignment) {
        return part >= parts ? length : (int) ((long) length * part / parts / alignment * alignment);
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
