package peregrine.calendar.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import peregrine.calendar.CalendarException;

/**
 * Runs a provider's network call on a virtual thread and gives it up, by interrupting that thread, when it takes
 * longer than its limit: a call never hangs longer than that, whatever the server does. A call made on a virtual
 * thread runs there, and a shared timer interrupts it at the limit (the interrupt is cleared before the call
 * returns); a call made on a platform thread is handed to a virtual thread of its own, as interrupting a platform
 * thread does not stop a blocking socket read. (On the caller's own virtual thread the call ends when it gives way
 * to the interrupt, which socket I/O does at once; a host name lookup, which cannot be interrupted, first ends at
 * the resolver's own timeout.)
 */
final class TimedCalls implements AutoCloseable {

    /** A provider's call that may block on the network. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws CalendarException;
    }

    /** Virtual threads: interrupting one blocked on a socket closes the socket, so a given-up call ends at once. */
    private final ExecutorService calls = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("calendar-push-", 1).factory());
    /** Interrupts a call's own virtual thread at its limit; a call that ends in time cancels its deadline. */
    private final ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1,
            Thread.ofPlatform().daemon().name("calendar-push-deadlines").factory());

    TimedCalls() {
        deadlines.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void close() {
        calls.shutdownNow();
        deadlines.shutdownNow();
    }

    /**
     * @return what {@code call} returned within {@code limit}
     * @throws TimeoutException     when the limit was reached, whatever the call did after it
     * @throws InterruptedException when the calling thread was interrupted by someone else; its interrupt status is kept
     */
    <T> T run(Call<T> call, Duration limit) throws CalendarException, TimeoutException, InterruptedException {
        return Thread.currentThread().isVirtual() ? runHere(call, limit) : runOnVirtualThread(call, limit);
    }

    /** {@code call} on this virtual thread, interrupted by {@link #deadlines} at {@code limit}; the interrupt is cleared. */
    private <T> T runHere(Call<T> call, Duration limit) throws CalendarException, TimeoutException, InterruptedException {
        Deadline deadline = new Deadline(Thread.currentThread());
        ScheduledFuture<?> timer = deadlines.schedule(deadline, limit.toNanos(), TimeUnit.NANOSECONDS);
        T result;
        try {
            result = call.run();
        } finally {
            timer.cancel(false);
            if (deadline.end()) {
                throw new TimeoutException();
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        return result;
    }

    /** Interrupts its thread when run, unless {@link #end()} came first; run and end exclude each other. */
    private static final class Deadline implements Runnable {

        private final Thread thread;
        private boolean ended;
        private boolean fired;
        /** Whether the thread was interrupted by this deadline (not already by someone else). */
        private boolean interrupted;

        Deadline(Thread thread) {
            this.thread = thread;
        }

        @Override
        public synchronized void run() {
            if (!ended) {
                fired = true;
                interrupted = !thread.isInterrupted();
                thread.interrupt();
            }
        }

        /**
         * Called by the deadline's thread when its call has ended; clears the interrupt this deadline made.
         *
         * @return whether the deadline fired
         */
        synchronized boolean end() {
            ended = true;
            if (interrupted) {
                Thread.interrupted();
            }
            return fired;
        }
    }

    /** {@code call} on a virtual thread of its own, interrupted at {@code limit}. */
    private <T> T runOnVirtualThread(Call<T> call, Duration limit) throws CalendarException, TimeoutException, InterruptedException {
        Future<T> future = calls.submit(call::run);
        try {
            return future.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case CalendarException failure -> throw failure;
                case RuntimeException bug -> throw bug;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }
}
