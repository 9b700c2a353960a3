package org.nnx.tensor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Two cores for one training thread: the thread that owns the pair and a helper thread that waits, spinning, for
 * the next piece of work. A run that trains alone on a two-core machine uses it to compute its matrix products
 * ({@link SplitBlas}), elementwise loops ({@link SplitLoop}) and batch fills in halves, one a core; a sweep's
 * runs side by side have a core each and no pair.
 *
 * <p>Why not an executor or OpenBLAS's own threads: a small model's step is made of pieces so short that
 * waking a parked thread for each would cost a large part of the piece. The helper here waits between pieces
 * in a loop of {@link Thread#yield()} (for up to {@link #SPIN_NANOS}), so that a hand-over is cheap and any
 * other thread that wants the core gets it meanwhile, then parks, so that a pair left idle (during
 * evaluation, or between runs) does not burn a core. docs/performance.md has the figures.
 *
 * <p>The owner may also hand the pair background work ({@link #startBackground}): independent chunks that the
 * helper takes one at a time whenever no half is waiting for it, and that the owner finishes with
 * {@link #finishBackground()}, taking whatever chunks are left itself. A run fills its next mini-batch this way
 * while the current one trains. While chunks are left that the helper has not taken, {@link SplitLoop}s run whole
 * on the owner, so that the two cores do different work instead of both halving the same small loop; products
 * still split, and the helper serves their halves before its next chunk.
 *
 * <p>{@link #run} and the background calls allocate nothing; callers keep one {@link Task} or {@link Chunks}
 * object a kind of work and reuse it. Each half and each chunk is computed the same whichever thread computes
 * it, so results never depend on timing. Only the owning thread may call {@link #run} and the background
 * methods; a task that calls {@link #run} again runs both halves of the inner one itself.
 */
public final class CorePair implements AutoCloseable {
    /** How long the helper waits for the next piece before it parks. */
    static final long SPIN_NANOS = 200_000;

    private static final ThreadLocal<CorePair> CURRENT = new ThreadLocal<>();
    private static final VarHandle CLAIMED;
    private static final VarHandle BACKGROUND_CLAIMED;
    private static final VarHandle NEXT_CHUNK;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CLAIMED = lookup.findVarHandle(CorePair.class, "claimed", int.class);
            BACKGROUND_CLAIMED = lookup.findVarHandle(CorePair.class, "backgroundClaimed", int.class);
            NEXT_CHUNK = lookup.findVarHandle(CorePair.class, "nextChunk", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Work split in two: {@code run(0)} runs on the owning thread, {@code run(1)} on the helper. */
    public interface Task {
        void run(int half);
    }

    /** Background work of independent chunks, each run once, on either thread, in no particular order. */
    public interface Chunks {
        void runChunk(int chunk);
    }

    private final Thread helper;
    private volatile int requested;
    private volatile int completed;
    /** The last ticket whose second half a thread has taken; each half runs once, on whichever took it. */
    private volatile int claimed;

    private volatile boolean parked;
    private volatile boolean closed;
    private Task task;
    private Throwable helperFailure;
    /** The last ticket of split work the helper has seen; read and written by the helper only. */
    private int helperSeen;

    // Background work. The owner sets the plain fields before it publishes the ticket, and touches them again
    // only after the helper has either lost the ticket or reported it completed.
    private Chunks background;
    private int backgroundChunks;
    private Throwable backgroundFailure;
    private boolean backgroundOut;
    /** Set while the owner finishes background work, so that a chunk it runs cannot start or finish any. */
    private boolean finishing;

    private volatile int backgroundRequested;
    private volatile int backgroundClaimed;
    private volatile int backgroundCompleted;
    private volatile int nextChunk;

    /** The pair the calling thread trains on, or null when it has one core. */
    public static CorePair current() {
        return CURRENT.get();
    }

    /** Gives the calling thread {@code cores} for {@link SplitLoop}s, or with null takes them away. */
    public static void useOnThisThread(CorePair cores) {
        if (cores == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(cores);
        }
    }

    public CorePair() {
        helper = new Thread(this::serve, "nnx-second-core");
        helper.setDaemon(true);
        helper.start();
    }

    /**
     * Runs {@code task.run(0)} here and {@code task.run(1)} on the helper, and returns when both are done. When
     * the helper has not taken its half by the time this thread finished its own (it was descheduled, or parked
     * and not yet awake), this thread runs that half too: a half computes the same on either thread, and a
     * machine busy with other work (the JIT's compiler threads, early in a run) costs a little speed instead of
     * a scheduler time slice of waiting.
     */
    public void run(Task task) {
        Objects.requireNonNull(task, "task");
        if (closed) {
            throw new IllegalStateException("the core pair is closed");
        }
        if (this.task != null || Thread.currentThread() == helper) {
            task.run(0);
            task.run(1);
            return;
        }
        this.task = task;
        helperFailure = null;
        int ticket = requested + 1;
        requested = ticket; // publishes task: the helper reads it only after it claimed the new ticket
        if (parked) {
            LockSupport.unpark(helper);
        }
        Throwable failure = null;
        try {
            task.run(0);
        } catch (Throwable e) {
            failure = e;
        }
        if (CLAIMED.compareAndSet(this, ticket - 1, ticket)) {
            try {
                task.run(1);
            } catch (Throwable e) {
                failure = failure == null ? e : failure;
            }
        } else {
            while (completed != ticket) {
                Thread.onSpinWait();
            }
            if (failure == null) {
                failure = helperFailure;
            }
        }
        this.task = null;
        rethrow(failure);
    }

    private void serve() {
        int backgroundSeen = 0;
        while (true) {
            long spinStart = System.nanoTime();
            int spins = 0;
            while (requested == helperSeen && backgroundRequested == backgroundSeen) {
                if (closed) {
                    return;
                }
                // Yielding, not just spinning: when the JIT's compiler threads (early in a run) or the GC want a
                // core, they get this one while the helper has nothing to do, instead of taking a core from a
                // thread in the middle of its half.
                Thread.yield();
                // Reading the clock costs more than a yield, so look at it only now and then.
                if ((++spins & 63) == 0 && System.nanoTime() - spinStart > SPIN_NANOS) {
                    parked = true;
                    // Checked again after announcing the park: a ticket issued before the owner saw
                    // `parked` is seen here; one issued after is followed by an unpark.
                    if (requested == helperSeen && backgroundRequested == backgroundSeen && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    spinStart = System.nanoTime();
                }
            }
            // Halves first: the owner is waiting for them.
            serveHalf();
            int ticket = backgroundRequested;
            if (ticket != backgroundSeen) {
                backgroundSeen = ticket;
                if (BACKGROUND_CLAIMED.compareAndSet(this, ticket - 1, ticket)) {
                    runChunks(true);
                    backgroundCompleted = ticket;
                }
            }
        }
    }

    /** Runs the second half of the owner's latest split work, if it is new and the owner has not taken it. */
    private void serveHalf() {
        int ticket = requested;
        if (ticket == helperSeen) {
            return;
        }
        helperSeen = ticket;
        // The owner may have taken this half already, and even issued the next ticket: claim exactly this one,
        // or leave it.
        if (CLAIMED.compareAndSet(this, ticket - 1, ticket)) {
            try {
                task.run(1);
            } catch (Throwable e) {
                helperFailure = e;
            }
            completed = ticket;
        }
    }

    /**
     * Takes background chunks until none is left; on the helper, serves any waiting half before each chunk.
     * The helper keeps a failure for the owner and stops taking chunks; on the owner a failure is thrown.
     */
    private void runChunks(boolean onHelper) {
        int chunk;
        while ((chunk = (int) NEXT_CHUNK.getAndAdd(this, 1)) < backgroundChunks) {
            if (!onHelper) {
                background.runChunk(chunk);
                continue;
            }
            serveHalf();
            try {
                background.runChunk(chunk);
            } catch (Throwable e) {
                backgroundFailure = e;
                return;
            }
        }
    }

    /**
     * Hands out {@code chunks} chunks of {@code work}, numbered from 0, to be run while this thread goes on with
     * other work; {@link #finishBackground()} must follow before the next call. Background work out at once is
     * one at most.
     */
    public void startBackground(Chunks work, int chunks) {
        Objects.requireNonNull(work, "work");
        if (closed) {
            throw new IllegalStateException("the core pair is closed");
        }
        requireOwnerOutsideWork("start");
        if (backgroundOut) {
            throw new IllegalStateException("background work is already out");
        }
        background = work;
        backgroundChunks = chunks;
        backgroundFailure = null;
        nextChunk = 0;
        backgroundOut = true;
        backgroundRequested = backgroundRequested + 1; // publishes the fields above
        if (parked) {
            LockSupport.unpark(helper);
        }
    }

    /** Whether background work is out: started and not yet finished. Meaningful on the owning thread. */
    public boolean backgroundOut() {
        return backgroundOut;
    }

    /**
     * Whether background work is out with chunks nobody has taken yet: the helper is busy with it, or about to
     * be. Once the last chunk is taken, split work gets the helper again as soon as that chunk is done.
     */
    public boolean backgroundPending() {
        return backgroundOut && nextChunk < backgroundChunks;
    }

    /**
     * Background work is started and finished by the owning thread between pieces of work, never from inside a
     * half or a chunk: there a finish would wait for a chunk that cannot complete before it returns.
     */
    private void requireOwnerOutsideWork(String what) {
        if (Thread.currentThread() == helper || task != null || finishing) {
            throw new IllegalStateException("cannot " + what + " background work from inside work of the pair");
        }
    }

    /**
     * Returns when every chunk of the background work has run: this thread runs the chunks nobody took yet, then
     * waits for the one the helper may be in the middle of. A chunk's failure, on either thread, is thrown here.
     */
    public void finishBackground() {
        requireOwnerOutsideWork("finish");
        if (!backgroundOut) {
            return;
        }
        finishing = true;
        int ticket = backgroundRequested;
        boolean helperTookIt = !BACKGROUND_CLAIMED.compareAndSet(this, ticket - 1, ticket);
        Throwable failure = null;
        try {
            runChunks(false);
        } catch (Throwable e) {
            failure = e;
        }
        if (helperTookIt) {
            // It may be in the middle of a chunk, or have failed one and left the rest to this thread.
            while (backgroundCompleted != ticket) {
                Thread.onSpinWait();
            }
            if (failure == null) {
                failure = backgroundFailure;
            }
        }
        background = null;
        backgroundOut = false;
        finishing = false;
        rethrow(failure);
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

    /** Stops the helper thread; the pair cannot run anything after this. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(helper);
    }
}
