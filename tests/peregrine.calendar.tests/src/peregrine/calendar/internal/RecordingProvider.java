package peregrine.calendar.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.RemoteEvent;

/**
 * A calendar in memory that behaves as the contract asks (create is idempotent per identity, every write gives
 * the event a new version) and records every call and the version each update was given, with failures a test
 * can arrange.
 */
final class RecordingProvider implements CalendarProvider {

    final String id;
    volatile boolean connected = true;
    /** Whether a provider that is not connected has a settings file (set up, but broken). */
    volatile boolean setUp;
    /** Whether events have an address beside their id, as CalDAV resources do. */
    volatile boolean withAddresses;
    /** The known event each update was given, in order. */
    final List<RemoteEvent> updatesGiven = Collections.synchronizedList(new ArrayList<>());
    volatile CalendarException nextFailure;
    volatile long createDelayMillis;
    volatile long deleteDelayMillis;
    /** What delete throws, as a plug-in's bug would. */
    volatile RuntimeException deleteBug;
    /** Remote events by id. */
    final Map<String, CalendarEvent> events = new ConcurrentHashMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    /** The version each update was given, in order. */
    final List<Optional<String>> versionsGiven = Collections.synchronizedList(new ArrayList<>());
    /** What status throws, as a plug-in's bug would. */
    volatile RuntimeException statusBug;
    /** How often its status was asked. */
    final AtomicInteger statusAsked = new AtomicInteger();
    /** The most creates that ran at the same time. */
    final AtomicInteger mostCreatesAtOnce = new AtomicInteger();
    private final AtomicInteger createsUnderWay = new AtomicInteger();
    /** Writes so far, by event id: the event's version. */
    private final Map<String, Integer> writes = new ConcurrentHashMap<>();

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
        statusAsked.incrementAndGet();
        if (statusBug != null) {
            throw statusBug;
        }
        return connected ? ProviderStatus.connected(id + " ready")
                : setUp ? ProviderStatus.broken(id + ".yaml is broken") : ProviderStatus.notConnected("Create " + id + ".yaml");
    }

    /** @return the event's current version, as the provider returned it last */
    Optional<String> version(String eventId) {
        return Optional.ofNullable(writes.get(eventId)).map(n -> "v" + n);
    }

    private RemoteEvent written(String eventId, CalendarEvent event) {
        events.put(eventId, event);
        writes.merge(eventId, 1, Integer::sum);
        return new RemoteEvent(eventId, withAddresses ? Optional.of(address(eventId)) : Optional.empty(), version(eventId));
    }

    /** @return where this calendar keeps the event, when it gives {@link #withAddresses addresses} */
    static String address(String eventId) {
        return "memory:/events/" + eventId;
    }

    @Override
    public RemoteEvent create(CalendarEvent event) throws CalendarException {
        calls.add("create");
        failIfArranged();
        mostCreatesAtOnce.accumulateAndGet(createsUnderWay.incrementAndGet(), Math::max);
        try {
            if (createDelayMillis > 0) {
                Thread.sleep(createDelayMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            createsUnderWay.decrementAndGet();
        }
        String eventId = id + "-" + event.identity().key();
        boolean existed = events.containsKey(eventId);
        RemoteEvent written = written(eventId, event);
        return existed ? written.asExisting() : written;
    }

    @Override
    public RemoteEvent update(RemoteEvent known, CalendarEvent event) throws CalendarException {
        calls.add("update " + known.id());
        versionsGiven.add(known.version());
        updatesGiven.add(known);
        failIfArranged();
        if (!events.containsKey(known.id())) {
            throw new CalendarException(CalendarException.Kind.NOT_FOUND, "gone");
        }
        return written(known.id(), event);
    }

    @Override
    public void delete(RemoteEvent event) throws CalendarException {
        calls.add("delete " + event.id());
        failIfArranged();
        if (deleteBug != null) {
            throw deleteBug;
        }
        if (deleteDelayMillis > 0) {
            try {
                Thread.sleep(deleteDelayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // given up: the event stays
            }
        }
        events.remove(event.id());
        writes.remove(event.id());
    }

    private void failIfArranged() throws CalendarException {
        CalendarException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }
}
