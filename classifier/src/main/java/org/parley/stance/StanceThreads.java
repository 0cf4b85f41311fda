package org.parley.stance;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few threads the stance networks' forward passes run on, whatever thread asks for a reading. DL4J keeps
 * inference workspaces for each thread that has run a network (~27 MiB, sized for the largest batch it ran) until
 * the thread ends: run on the caller's thread, that was every Jetty request thread that ever read stance (up to
 * Dropwizard's 1,024, made anew as idle ones end), and now it is these threads' alone (docs/known-gaps.md, the stance
 * memory audit).
 *
 * <p>A caller waits for its pass, and leaves only once its task is out of the executor: either run, or, interrupted
 * before it started, taken out of the queue. So the tasks queued or running are never more than the callers waiting
 * for them, which the service's scoring gate and Jetty's pool already bound; a request given up on never leaves work
 * behind. An interrupt during a pass that has started is kept (the flag set again) and the pass's answer returned,
 * as the network's lock (a {@code synchronized} block) made it before: the pass reads arrays the caller frees after.
 */
final class StanceThreads {
    /** The system property that sets the threads' number; default {@link #defaultSize()}. */
    static final String SIZE_PROPERTY = "parley.stance.threads";

    /** Every stance network's; made on first use. */
    private static final class Shared {
        static final StanceThreads INSTANCE = new StanceThreads(Integer.getInteger(SIZE_PROPERTY, defaultSize()), "parley-stance-");
    }

    private final ThreadPoolExecutor executor;

    StanceThreads(int size, String namePrefix) {
        if (size < 1) throw new IllegalArgumentException(SIZE_PROPERTY + " must be at least 1, not " + size);
        AtomicInteger made = new AtomicInteger();
        // Core threads that never time out: a thread made anew would build its workspaces anew.
        this.executor = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, namePrefix + made.incrementAndGet());
            t.setDaemon(true); // the command-line tools that read stance exit without closing it
            return t;
        });
    }

    static StanceThreads shared() {
        return Shared.INSTANCE;
    }

    /**
     * The cores, at most 4: each network runs one batch at a time (its lock), and a batch already spreads over the
     * cores inside libnd4j, so more threads than the networks loaded at once (target, sentence and reply; a reload's
     * new ones beside them for a moment) would only wait on those locks, each keeping its own workspaces.
     */
    static int defaultSize() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The threads' number. */
    int size() {
        return executor.getMaximumPoolSize();
    }

    /** Tasks waiting for a thread now (the tests). */
    int queued() {
        return executor.getQueue().size();
    }

    /**
     * {@code work}'s result, computed on one of these threads; its exception, if it throws, as a RuntimeException or
     * Error of its own kind where it is one.
     *
     * @throws CancellationException when the caller is interrupted before its work started (the work never runs;
     *                               the interrupt flag is set again)
     */
    <T> T call(Callable<T> work) {
        // Who claims the task first: its thread, which then runs it, or its caller, interrupted, which takes it back.
        // Not Future.cancel: a FutureTask reads as cancellable while it runs.
        AtomicBoolean claimed = new AtomicBoolean();
        Future<T> task = executor.submit(() -> claimed.compareAndSet(false, true) ? work.call() : null);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                    if (claimed.compareAndSet(false, true)) { // not started: out of the queue, and it never runs
                        executor.remove((Runnable) task);
                        throw new CancellationException("interrupted while waiting for a stance thread");
                    }
                    // started (or done): wait for it, since it reads arrays the caller closes once it returns
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) throw r;
                    if (cause instanceof Error err) throw err;
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }
}
