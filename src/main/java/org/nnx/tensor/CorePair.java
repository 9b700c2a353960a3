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
 * <p>Why not an executor or OpenBLAS's own threads: a small model's step is a few hundred microseconds made of
 * pieces of 10–90 µs, and handing one of them to a parked thread costs a wake-up of 5–50 µs. The helper here
 * waits between pieces in a loop of {@link Thread#yield()} (for up to {@link #SPIN_NANOS}), so that a hand-over
 * costs about a microsecond and any other thread that wants the core gets it meanwhile, then parks, so that a
 * pair left idle (during evaluation, or between runs) does not burn a core.
 *
 * <p>{@link #run} allocates nothing; callers keep one {@link Task} object a kind of work and reuse it. Each half
 * is computed the same whichever thread computes it, so results never depend on timing. Only the owning thread
 * may call {@link #run}; a task that calls it again runs both halves of the inner one itself.
 */
public final class CorePair implements AutoCloseable {
    /** How long the helper waits for the next piece before it parks. */
    static final long SPIN_NANOS = 200_000;

    private static final ThreadLocal<CorePair> CURRENT = new ThreadLocal<>();
    private static final VarHandle CLAIMED;

    static {
        try {
            CLAIMED = MethodHandles.lookup().findVarHandle(CorePair.class, "claimed", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Work split in two: {@code run(0)} runs on the owning thread, {@code run(1)} on the helper. */
    public interface Task {
        void run(int half);
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

    private void serve() {
        int seen = 0;
        while (true) {
            long spinStart = System.nanoTime();
            int spins = 0;
            while (requested == seen) {
                if (closed) {
                    return;
                }
                // Yielding, not just spinning: when the JIT's compiler threads (early in a run) or the GC want a
                // core, they get this one while the helper has nothing to do, instead of taking a core from a
                // thread in the middle of its half. Measured: 10–15 % faster fresh-JVM runs of both models.
                Thread.yield();
                // Reading the clock costs more than a yield, so look at it only now and then.
                if ((++spins & 63) == 0 && System.nanoTime() - spinStart > SPIN_NANOS) {
                    parked = true;
                    // Checked again after announcing the park: a ticket issued before the caller saw
                    // `parked` is seen here; one issued after is followed by an unpark.
                    if (requested == seen && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    spinStart = System.nanoTime();
                }
            }
            seen = requested;
            // The caller may have taken this half already, and even issued the next ticket: claim exactly
            // this one, or leave it.
            if (CLAIMED.compareAndSet(this, seen - 1, seen)) {
                try {
                    task.run(1);
                } catch (Throwable e) {
                    helperFailure = e;
                }
                completed = seen;
            }
        }
    }

    /** Stops the helper thread; the pair cannot run anything after this. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(helper);
    }
}
