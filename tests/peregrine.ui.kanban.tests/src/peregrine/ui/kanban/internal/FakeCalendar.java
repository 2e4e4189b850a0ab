package peregrine.ui.kanban.internal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.RemoteEvent;

/** An in-memory calendar, registered as a real OSGi service by the tests. */
final class FakeCalendar implements CalendarProvider {

    private final String id;
    private final String label;
    final Map<String, CalendarEvent> events = new ConcurrentHashMap<>();
    volatile boolean connected = true;
    /** Thrown by every create, update and connection test, when set. */
    volatile CalendarException failure;
    /** Thrown by every delete, when set. */
    volatile CalendarException deleteFailure;
    /** How long create and update take. */
    volatile long delayMillis;
    /** Counted down when a create or update begins. */
    final CountDownLatch started = new CountDownLatch(1);
    /** Counted down when a create or update has returned. */
    final CountDownLatch finished = new CountDownLatch(1);
    /** How many times {@link #testConnection()} was called. */
    final AtomicInteger connectionTests = new AtomicInteger();

    FakeCalendar() {
        this("fake_calendar", "Fake Calendar");
    }

    FakeCalendar(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public ProviderStatus status() {
        return connected ? ProviderStatus.connected("Calendar 'Interviews' as ada@example.com")
                : ProviderStatus.notConnected("Create " + id + ".yaml to connect.");
    }

    @Override
    public RemoteEvent create(CalendarEvent event) throws CalendarException {
        return RemoteEvent.of(write(event.identity().key(), event));
    }

    @Override
    public RemoteEvent update(RemoteEvent known, CalendarEvent event) throws CalendarException {
        return RemoteEvent.of(write(known.id(), event));
    }

    private String write(String eventId, CalendarEvent event) throws CalendarException {
        started.countDown();
        try {
            TimeUnit.MILLISECONDS.sleep(delayMillis);
            if (failure != null) {
                throw failure;
            }
            events.put(eventId, event);
            return eventId;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CalendarException(CalendarException.Kind.UNAVAILABLE, "Interrupted.");
        } finally {
            finished.countDown();
        }
    }

    @Override
    public void delete(RemoteEvent event) throws CalendarException {
        if (deleteFailure != null) {
            throw deleteFailure;
        }
        events.remove(event.id());
    }

    @Override
    public Optional<URI> eventLink(String eventId) {
        return Optional.of(URI.create("https://calendar.example/event/" + eventId));
    }

    @Override
    public void testConnection() throws CalendarException {
        connectionTests.incrementAndGet();
        if (failure != null) {
            throw failure;
        }
    }
}
