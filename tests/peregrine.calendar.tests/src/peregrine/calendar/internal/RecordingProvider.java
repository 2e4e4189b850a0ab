package peregrine.calendar.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.ProviderStatus;

/**
 * A calendar in memory that behaves as the contract asks (create is idempotent per identity) and
 * records every call, with failures a test can arrange.
 */
final class RecordingProvider implements CalendarProvider {

    final String id;
    volatile boolean connected = true;
    volatile CalendarException nextFailure;
    volatile long createDelayMillis;
    /** Remote events by id. */
    final Map<String, CalendarEvent> events = new ConcurrentHashMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    RecordingProvider(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return "Calendar " + id;
    }

    @Override
    public ProviderStatus status() {
        return connected ? ProviderStatus.connected(id + " ready") : ProviderStatus.notConnected("Create " + id + ".yaml");
    }

    @Override
    public String create(CalendarEvent event) throws CalendarException {
        calls.add("create");
        failIfArranged();
        if (createDelayMillis > 0) {
            try {
                Thread.sleep(createDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String eventId = id + "-" + event.identity().key();
        events.put(eventId, event);
        return eventId;
    }

    @Override
    public String update(String eventId, CalendarEvent event) throws CalendarException {
        calls.add("update " + eventId);
        failIfArranged();
        if (!events.containsKey(eventId)) {
            throw new CalendarException(CalendarException.Kind.NOT_FOUND, "gone");
        }
        events.put(eventId, event);
        return eventId;
    }

    @Override
    public void delete(String eventId) throws CalendarException {
        calls.add("delete " + eventId);
        failIfArranged();
        events.remove(eventId);
    }

    private void failIfArranged() throws CalendarException {
        CalendarException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }
}
