package org.nnx.tensor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * A group of {@code size} threads for one training thread: the thread that owns the group and {@code size − 1}
 * helper threads that wait, spinning, for the next piece of work. A run that trains alone uses it to compute its
 * matrix products ({@link SplitBlas}), elementwise loops ({@link SplitLoop}) and batch fills in parts, one a
 * thread; a sweep's runs side by side share the machine's cores out between them.
 *
 * <p>Why not an executor or OpenBLAS's own threads: a small model's step is made of pieces so short that
 * waking a parked thread for each would cost a large part of the piece. Helpers wait between pieces in a loop
 * of {@link Thread#yield()} (for up to {@link #SPIN_NANOS}), so that a hand-over is cheap and any other thread
 * that wants the core gets it meanwhile, then park, so that a group left idle (during evaluation, or between
 * runs) does not burn cores. docs/performance.md has the figures.
 *
 * <p>Work is handed out in numbered parts that any thread of the group claims, one at a time, from a single
 * word holding the work's ticket, its number of parts and the next part to take; the owner claims parts too and
 * then waits for the ones helpers took. A part a helper has not taken when the owner is done with its own (the
 * helper was descheduled, or parked and not yet awake) is taken by the owner: on a machine busy with other work,
 * or with fewer cores than the group has threads, a part costs a little speed instead of a scheduler time slice
 * of waiting. Each part computes the same whichever thread runs it, so results never depend on timing.
 *
 * <p>The owner may also hand the group background work ({@link #startBackground}): independent chunks that
 * helpers take one at a time whenever no part is waiting for them, and that the owner finishes with
 * {@link #finishBackground()}, taking whatever chunks are left itself. A run fills its next mini-batch this way
 * while the current one trains. While chunks are left that no helper has taken, {@link SplitLoop}s run whole on
 * the owner, so that the cores do different work instead of all cutting the same small loop; products still
 * split, and helpers serve their parts before their next chunk.
 *
 * <p>{@link #run} and the background calls allocate nothing; callers keep one {@link Task} or {@link Chunks}
 * object a kind of work and reuse it. Only the owning thread may call {@link #run} and the background methods;
 * a task that calls {@link #run} again runs every part of the inner one itself.
 */
public final class CoreGroup implements AutoCloseable {
    /** How long a helper waits for the next piece before it parks. */
    static final long SPIN_NANOS = 200_000;
    /** The most threads a group has: parts are counted in 16 bits. */
    public static final int MAX_SIZE = 1024;

    private static final ThreadLocal<CoreGroup> CURRENT = new ThreadLocal<>();
    private static final VarHandle WORK;
    private static final VarHandle DONE;
    private static final VarHandle FAILURE;
    private static final VarHandle BACKGROUND;
    private static final VarHandle BACKGROUND_DONE;
    private static final VarHandle BACKGROUND_FAILURE;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            WORK = lookup.findVarHandle(CoreGroup.class, "work", long.class);
            DONE = lookup.findVarHandle(CoreGroup.class, "done", int.class);
            FAILURE = lookup.findVarHandle(CoreGroup.class, "failure", Throwable.class);
            BACKGROUND = lookup.findVarHandle(CoreGroup.class, "background", long.class);
            BACKGROUND_DONE = lookup.findVarHandle(CoreGroup.class, "backgroundDone", int.class);
            BACKGROUND_FAILURE = lookup.findVarHandle(CoreGroup.class, "backgroundFailure", Throwable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Work cut in parts: {@code run(p)} for each {@code p} in {@code [0, parts)}, each once, on any thread. */
    public interface Task {
        void run(int part);
    }

    /** Background work of independent chunks, each run once, on any thread, in no particular order. */
    public interface Chunks {
        void runChunk(int chunk);
    }

    private final int size;
    private final Helper[] helpers;
    private volatile boolean closed;

    // Split work. `work` packs ticket (high 32 bits), parts (16 bits) and the next unclaimed part (low 16 bits):
    // a claim is one compare-and-set on it, so a claim made with a stale view of an earlier ticket fails.
    private volatile long work;
    private volatile int done;
    private volatile Throwable failure;
    /** The task of the current ticket; written before the ticket is published, read after a claim. */
    private Task task;

    private boolean running;

    // Background work. `background` packs ticket (16 bits), chunks (24 bits) and the next chunk (24 bits).
    private volatile long background;
    private volatile int backgroundDone;
    private volatile Throwable backgroundFailure;
    private Chunks chunks;
    private boolean backgroundOut;
    /** Set while the owner finishes background work, so that a chunk it runs cannot start or finish any. */
    private boolean finishing;

    /** The group the calling thread trains on, or null when it has one core. */
    public static CoreGroup current() {
        return CURRENT.get();
    }

    /** Gives the calling thread {@code cores} for {@link SplitLoop}s, or with null takes them away. */
    public static void useOnThisThread(CoreGroup cores) {
        if (cores == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(cores);
        }
    }

    /** @param size the threads of the group, the calling thread included: 2 or more */
    public CoreGroup(int size) {
        if (size < 2 || size > MAX_SIZE) {
            throw new IllegalArgumentException("a core group has 2 to " + MAX_SIZE + " threads: " + size);
        }
        this.size = size;
        helpers = new Helper[size - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Helper("nnx-core-" + (i + 2));
            helpers[i].thread.start();
        }
    }

    /** The threads of the group, the owner's included. */
    public int size() {
        return size;
    }

    /** Runs {@code task} in {@link #size()} parts. */
    public void run(Task task) {
        run(task, size);
    }

    /**
     * Runs {@code task.run(p)} for every {@code p} in {@code [0, parts)}, on this thread and the helpers, and
     * returns when all are done. A failure in any part is thrown here, after every part has finished.
     */
    public void run(Task task, int parts) {
        Objects.requireNonNull(task, "task");
        if (closed) {
            throw new IllegalStateException("the core group is closed");
        }
        if (parts < 1 || parts > 0xFFFF) {
            throw new IllegalArgumentException("parts must be in [1, 65535]: " + parts);
        }
        if (parts == 1 || running || isHelper()) {
            for (int p = 0; p < parts; p++) {
                task.run(p);
            }
            return;
        }
        running = true;
        this.task = task;
        failure = null;
        done = 0;
        long ticket = (work >>> 32) + 1;
        work = (ticket << 32) | ((long) parts << 16); // publishes task: helpers read it only after a claim
        wakeHelpers();
        int part;
        while ((part = claimPart()) >= 0) {
            runPart(part);
        }
        while (done != parts) {
            Thread.onSpinWait();
        }
        this.task = null;
        running = false;
        rethrow(failure);
    }

    /** The next unclaimed part of the current work, claimed for the calling thread, or −1 when none is left. */
    private int claimPart() {
        while (true) {
            long w = work;
            int next = (int) (w & 0xFFFF);
            int parts = (int) ((w >>> 16) & 0xFFFF);
            if (next >= parts) {
                return -1;
            }
            if (WORK.compareAndSet(this, w, w + 1)) {
                return next;
            }
        }
    }

    private void runPart(int part) {
        try {
            task.run(part);
        } catch (Throwable e) {
            FAILURE.compareAndSet(this, null, e);
        }
        DONE.getAndAdd(this, 1);
    }

    private boolean hasPart() {
        long w = work;
        return (w & 0xFFFF) < ((w >>> 16) & 0xFFFF);
    }

    private boolean hasChunk() {
        long b = background;
        return (b & 0xFFFFFF) < ((b >>> 24) & 0xFFFFFF);
    }

    private boolean isHelper() {
        Thread me = Thread.currentThread();
        for (Helper helper : helpers) {
            if (helper.thread == me) {
                return true;
            }
        }
        return false;
    }

    private void wakeHelpers() {
        for (Helper helper : helpers) {
            if (helper.parked) {
                LockSupport.unpark(helper.thread);
            }
        }
    }

    /** One helper thread and whether it is parked. */
    private final class Helper {
        final Thread thread;
        volatile boolean parked;

        Helper(String name) {
            thread = new Thread(this::serve, name);
            thread.setDaemon(true);
        }

        private void serve() {
            while (true) {
                long spinStart = System.nanoTime();
                int spins = 0;
                while (!hasPart() && !hasChunk()) {
                    if (closed) {
                        return;
                    }
                    // Yielding, not just spinning: when the JIT's compiler threads (early in a run) or the GC want
                    // a core, they get this one while the helper has nothing to do.
                    Thread.yield();
                    // Reading the clock costs more than a yield, so look at it only now and then.
                    if ((++spins & 63) == 0 && System.nanoTime() - spinStart > SPIN_NANOS) {
                        parked = true;
                        // Checked again after announcing the park: work published before the owner saw
                        // `parked` is seen here; work published after is followed by an unpark.
                        if (!hasPart() && !hasChunk() && !closed) {
                            LockSupport.park(CoreGroup.this);
                        }
                        parked = false;
                        spinStart = System.nanoTime();
                    }
                }
                // Parts first: the owner is waiting for them.
                servePart();
                int chunk = claimChunk();
                if (chunk >= 0) {
                    runChunkOnHelper(chunk);
                }
            }
        }
    }

    /** Runs parts of the owner's current work while any is unclaimed. */
    private void servePart() {
        int part;
        while ((part = claimPart()) >= 0) {
            runPart(part);
        }
    }

    /** The next unclaimed background chunk, claimed for the calling thread, or −1 when none is left. */
    private int claimChunk() {
        while (true) {
            long b = background;
            int next = (int) (b & 0xFFFFFF);
            int count = (int) ((b >>> 24) & 0xFFFFFF);
            if (next >= count) {
                return -1;
            }
            if (BACKGROUND.compareAndSet(this, b, b + 1)) {
                return next;
            }
        }
    }

    /** A helper's chunk: a failure is kept for the owner, and the chunk counts as done either way. */
    private void runChunkOnHelper(int chunk) {
        try {
            chunks.runChunk(chunk);
        } catch (Throwable e) {
            BACKGROUND_FAILURE.compareAndSet(this, null, e);
        }
        BACKGROUND_DONE.getAndAdd(this, 1);
    }

    /**
     * Hands out {@code count} chunks of {@code work}, numbered from 0, to be run while this thread goes on with
     * other work; {@link #finishBackground()} must follow before the next call. Background work out at once is
     * one at most.
     */
    public void startBackground(Chunks work, int count) {
        Objects.requireNonNull(work, "work");
        if (closed) {
            throw new IllegalStateException("the core group is closed");
        }
        requireOwnerOutsideWork("start");
        if (backgroundOut) {
            throw new IllegalStateException("background work is already out");
        }
        if (count < 0 || count > 0xFFFFFF) {
            throw new IllegalArgumentException("chunks must be in [0, 16777215]: " + count);
        }
        chunks = work;
        backgroundFailure = null;
        backgroundDone = 0;
        backgroundOut = true;
        long ticket = ((background >>> 48) + 1) & 0xFFFF;
        background = (ticket << 48) | ((long) count << 24); // publishes the fields above
        wakeHelpers();
    }

    /** Whether background work is out: started and not yet finished. Meaningful on the owning thread. */
    public boolean backgroundOut() {
        return backgroundOut;
    }

    /**
     * Whether background work is out with chunks nobody has taken yet: helpers are busy with it, or about to
     * be. Once the last chunk is taken, split work gets the helpers again as soon as their chunks are done.
     */
    public boolean backgroundPending() {
        return backgroundOut && hasChunk();
    }

    /**
     * Background work is started and finished by the owning thread between pieces of work, never from inside a
     * part or a chunk: there a finish would wait for a chunk that cannot complete before it returns.
     */
    private void requireOwnerOutsideWork(String what) {
        if (isHelper() || running || finishing) {
            throw new IllegalStateException("cannot " + what + " background work from inside work of the group");
        }
    }

    /**
     * Returns when every chunk of the background work has run: this thread runs the chunks nobody took yet, then
     * waits for the ones helpers may be in the middle of. A chunk's failure, on any thread, is thrown here.
     */
    public void finishBackground() {
        requireOwnerOutsideWork("finish");
        if (!backgroundOut) {
            return;
        }
        finishing = true;
        int count = (int) ((background >>> 24) & 0xFFFFFF);
        Throwable ownFailure = null;
        int chunk;
        while ((chunk = claimChunk()) >= 0) {
            try {
                chunks.runChunk(chunk);
            } catch (Throwable e) {
                ownFailure = ownFailure == null ? e : ownFailure;
            }
            BACKGROUND_DONE.getAndAdd(this, 1);
        }
        while (backgroundDone != count) {
            Thread.onSpinWait();
        }
        Throwable thrown = ownFailure != null ? ownFailure : backgroundFailure;
        chunks = null;
        backgroundOut = false;
        finishing = false;
        rethrow(thrown);
    }

    /** Throws {@code failure} as it is when unchecked, else wrapped; nothing when it is null. */
    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    /** Stops the helper threads; the group cannot run anything after this. */
    @Override
    public void close() {
        closed = true;
        for (Helper helper : helpers) {
            LockSupport.unpark(helper.thread);
        }
    }
}
