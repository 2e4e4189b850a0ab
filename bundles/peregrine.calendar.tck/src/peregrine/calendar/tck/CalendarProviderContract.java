package peregrine.calendar.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import peregrine.calendar.CalendarEvent;
import peregrine.calendar.CalendarException;
import peregrine.calendar.CalendarProvider;
import peregrine.calendar.EventIdentity;
import peregrine.calendar.ProviderStatus;
import peregrine.calendar.RemoteEvent;

/**
 * The conformance kit: what the {@link CalendarProvider} contract asks of every provider, checked against a real
 * calendar server. A provider's test class extends this class and implements {@link #subject()}; JUnit 5 then runs
 * every test here against that provider. A provider passes when every test passes; the only tests a subject may skip
 * are an odd input its server is known to alter on its own ({@link ContractSubject#serverAlters}) and, for a calendar
 * that keeps no reminders, the reminder cases ({@link ContractSubject#storesReminders}).
 * <p>
 * The kit checks that two creates of one identity make one event, that an update with a stale version ends in one
 * event holding what was pushed, that an update of a deleted event throws {@code NOT_FOUND}, that deleting a missing
 * event succeeds, that odd texts and times arrive unchanged, that a place (text or a video link) arrives as pushed,
 * that reminders arrive as pushed and an update replaces them (unless the subject's calendar keeps none,
 * {@link ContractSubject#storesReminders()}), that no message holds a secret, that {@code id()},
 * {@code label()} and {@code status()} send nothing to the server, and that every call gives up at its time limit
 * and when its thread is interrupted. A provider without a network runs every test too: its calendar "that never
 * answers" is a file another process holds locked (see {@link ContractSubject#unanswering()}).
 */
public abstract class CalendarProviderContract {

    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

    private ContractSubject subject;
    private final List<String> messages = new ArrayList<>();

    /** @return a new subject: the provider under test connected to an empty calendar on a server the test runs */
    protected abstract ContractSubject subject() throws Exception;

    @BeforeEach
    final void openSubject() throws Exception {
        subject = subject();
    }

    @AfterEach
    final void closeSubjectAndCheckMessages() throws Exception {
        try {
            ProviderStatus status = subject.provider().status();
            messages.add(status.message());
            for (String message : messages) {
                for (String secret : subject.secrets()) {
                    assertFalse(message != null && message.contains(secret), "a message holds a secret: " + message);
                }
            }
        } finally {
            subject.close();
        }
    }

    private static EventIdentity newIdentity() {
        char[] digits = "0123456789abcdefghijklmnopqrstuv".toCharArray();
        StringBuilder key = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            key.append(digits[ThreadLocalRandom.current().nextInt(digits.length)]);
        }
        return new EventIdentity(key.toString());
    }

    private static CalendarEvent event(EventIdentity identity, String title) {
        return new CalendarEvent(identity, title, "https://jobs.example/1\nMakes anvils.",
                ZonedDateTime.of(2026, 12, 10, 15, 0, 0, 0, ZoneId.of("Europe/Berlin")), Duration.ofMinutes(45));
    }

    private CalendarException failure(Executable call) {
        CalendarException e = assertThrows(CalendarException.class, call);
        messages.add(e.getMessage());
        return e;
    }

    private StoredEvent onlyEvent() throws Exception {
        List<StoredEvent> events = subject.events();
        assertEquals(1, events.size(), "the calendar holds " + events);
        return events.get(0);
    }

    private static void assertHolds(CalendarEvent pushed, StoredEvent stored) {
        assertEquals(pushed.title(), stored.title(), "title");
        assertEquals(pushed.description(), stored.description(), "description");
        assertEquals(pushed.start().toInstant(), stored.start(), "start");
        assertEquals(pushed.end().toInstant(), stored.end(), "end");
        assertEquals(pushed.location().orElse(""), stored.location(), "location");
    }

    private void assertReminders(List<Duration> pushed, StoredEvent stored) {
        assertEquals(pushed.stream().sorted().toList(), stored.reminders().stream().sorted().toList(), "reminders");
    }

    private void requireReminders() {
        if (!subject.storesReminders()) {
            Assumptions.abort("the subject's calendar keeps no reminders");
        }
    }

    private static CalendarEvent event(EventIdentity identity, String title, String location, List<Duration> reminders) {
        CalendarEvent plain = event(identity, title);
        return new CalendarEvent(identity, title, plain.description(), plain.start(), plain.duration(), Optional.ofNullable(location),
                reminders);
    }

    @Test
    public void aPlaceGivenAsTextArrivesAsItWasPushed() throws Exception {
        CalendarEvent pushed = event(newIdentity(), "Interview: Engineer @ Acme", "Acme HQ, Room 4; Floor 2, \\Main St\\", List.of());
        subject.provider().create(pushed);
        assertHolds(pushed, onlyEvent());
    }

    @Test
    public void aVideoLinkArrivesAsThePlace() throws Exception {
        CalendarEvent pushed = event(newIdentity(), "Interview: Engineer @ Acme", "https://meet.example.com/abc-defg-hij?pwd=x,y;z", List.of());
        assertTrue(pushed.locationLink().isPresent());
        subject.provider().create(pushed);
        assertHolds(pushed, onlyEvent());
    }

    @Test
    public void remindersArriveAsTheyWerePushed() throws Exception {
        requireReminders();
        CalendarEvent pushed = event(newIdentity(), "Interview: Engineer @ Acme", null, List.of(Duration.ofDays(1), Duration.ofMinutes(90)));
        subject.provider().create(pushed);
        StoredEvent stored = onlyEvent();
        assertHolds(pushed, stored);
        assertReminders(pushed.reminders(), stored);
    }

    @Test
    public void anUpdateReplacesTheRemindersAndKeepsNoEarlierOne() throws Exception {
        requireReminders();
        EventIdentity identity = newIdentity();
        RemoteEvent created = subject.provider().create(event(identity, "Phone Screen: Engineer @ Acme", "Room 1",
                List.of(Duration.ofDays(1), Duration.ofHours(1))));
        CalendarEvent pushed = event(identity, "Interview: Engineer @ Acme", "Room 2", List.of(Duration.ofMinutes(30)));
        subject.provider().update(created, pushed);
        StoredEvent stored = onlyEvent();
        assertHolds(pushed, stored);
        assertReminders(pushed.reminders(), stored);
    }

    @Test
    public void anUpdateWithoutRemindersLeavesNone() throws Exception {
        requireReminders();
        EventIdentity identity = newIdentity();
        RemoteEvent created = subject.provider().create(event(identity, "Phone Screen: Engineer @ Acme", null,
                List.of(Duration.ofDays(1), Duration.ofHours(1))));
        CalendarEvent pushed = event(identity, "Interview: Engineer @ Acme", null, List.of());
        subject.provider().update(created, pushed);
        StoredEvent stored = onlyEvent();
        assertHolds(pushed, stored);
        assertEquals(List.of(), stored.reminders(), "reminders after an update without any");
    }

    @Test
    public void twoCreatesOfTheSameIdentityMakeOneEventAndTheSecondSaysItWasThere() throws Exception {
        EventIdentity identity = newIdentity();
        RemoteEvent first = subject.provider().create(event(identity, "Phone Screen: Engineer @ Acme"));
        assertFalse(first.existed(), "the first create made the event");
        CalendarEvent again = event(identity, "Interview: Engineer @ Acme");
        RemoteEvent second = subject.provider().create(again);

        assertEquals(first.id(), second.id());
        assertTrue(second.existed(), "the second create found the event and updated it");
        assertHolds(again, onlyEvent());
    }

    @Test
    public void anUpdateWithAStaleVersionEndsInOneEventHoldingWhatWasPushed() throws Exception {
        EventIdentity identity = newIdentity();
        RemoteEvent created = subject.provider().create(event(identity, "Phone Screen: Engineer @ Acme"));
        subject.changeBehindTheProvider(created);
        CalendarEvent pushed = event(identity, "Interview: Engineer @ Acme");

        RemoteEvent updated = subject.provider().update(created, pushed);

        assertEquals(created.id(), updated.id());
        assertHolds(pushed, onlyEvent());
    }

    @Test
    public void anUpdateWithTheVersionTheProviderReturnedReplacesTheEvent() throws Exception {
        EventIdentity identity = newIdentity();
        RemoteEvent created = subject.provider().create(event(identity, "Phone Screen: Engineer @ Acme"));
        CalendarEvent pushed = event(identity, "Offer Review: Engineer @ Acme");
        RemoteEvent updated = subject.provider().update(created, pushed);
        CalendarEvent again = event(identity, "Interview: Engineer @ Acme");
        subject.provider().update(updated, again);
        assertHolds(again, onlyEvent());
    }

    @Test
    public void anUpdateOfAnEventDeletedOnTheServerThrowsNotFoundAndMakesNothing() throws Exception {
        EventIdentity identity = newIdentity();
        RemoteEvent created = subject.provider().create(event(identity, "Phone Screen: Engineer @ Acme"));
        subject.deleteBehindTheProvider(created);

        CalendarException e = failure(() -> subject.provider().update(created, event(identity, "Interview: Engineer @ Acme")));

        assertEquals(CalendarException.Kind.NOT_FOUND, e.kind(), e.getMessage());
        assertEquals(List.of(), subject.events(), "an update never creates");
    }

    @Test
    public void deletingAnEventRemovesItAndDeletingItAgainSucceeds() throws Exception {
        RemoteEvent created = subject.provider().create(event(newIdentity(), "Phone Screen: Engineer @ Acme"));
        subject.provider().delete(created);
        assertEquals(List.of(), subject.events());
        subject.provider().delete(created);
        subject.deleteBehindTheProvider(created);
        subject.provider().delete(created);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peregrine.calendar.tck.OddInput#texts")
    public void oddTextsArriveAsTheyWerePushed(String name, String jobTitle, String company, String listing) throws Exception {
        subject.serverAlters(name).ifPresent(reason -> Assumptions.abort("the server alters this input: " + reason));
        // as the job store keeps them: titles and companies without surrounding white space
        CalendarEvent pushed = new CalendarEvent(newIdentity(), OddInput.calendarText("Interview: " + jobTitle.strip() + " @ " + company.strip()),
                OddInput.calendarText(listing + "\n" + company.strip()), ZonedDateTime.of(2026, 12, 10, 12, 0, 0, 0, ZoneOffset.UTC),
                Duration.ofHours(1));
        subject.provider().create(pushed);
        assertHolds(pushed, onlyEvent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peregrine.calendar.tck.OddInput#times")
    public void oddTimesArriveAtTheSameInstant(String name, LocalDateTime local, ZoneId zone) throws Exception {
        subject.serverAlters(name).ifPresent(reason -> Assumptions.abort("the server alters this input: " + reason));
        CalendarEvent pushed = new CalendarEvent(newIdentity(), "Interview: " + name, "", ZonedDateTime.ofLocal(local, zone, null),
                Duration.ofMinutes(90));
        subject.provider().create(pushed);
        assertHolds(pushed, onlyEvent());
    }

    @Test
    public void idLabelAndStatusSendNothingToTheServer() throws Exception {
        long before = subject.requestsReceived();
        for (int i = 0; i < 3; i++) {
            CalendarProvider provider = subject.provider();
            assertFalse(provider.id().isBlank());
            assertFalse(provider.label().isBlank());
            assertTrue(provider.status().connected(), provider.status().message());
            provider.storableSecret();
        }
        assertEquals(before, subject.requestsReceived(), "requests while id(), label() and status() ran");

        CalendarProvider unanswering = subject.unanswering();
        CompletableFuture<ProviderStatus> status = CompletableFuture.supplyAsync(() -> {
            unanswering.id();
            unanswering.label();
            return unanswering.status();
        });
        messages.add(status.get(2, TimeUnit.SECONDS).message());
    }

    /** The calls that may block, each on an event of its own. */
    private static List<Executable> blockingCalls(CalendarProvider provider) {
        EventIdentity identity = newIdentity();
        RemoteEvent known = RemoteEvent.of(identity.key());
        return List.of(() -> provider.create(event(identity, "Phone Screen: Engineer @ Acme")),
                () -> provider.update(known, event(identity, "Interview: Engineer @ Acme")),
                () -> provider.delete(known),
                provider::testConnection);
    }

    /**
     * On a virtual thread, as the push service calls providers: there an interrupt closes a socket the call is blocked
     * on, so a provider that keeps to blocking I/O and does not swallow the interrupt passes.
     */
    @Test
    public void everyCallGivesUpWhenItsThreadIsInterrupted() throws Exception {
        CalendarProvider provider = subject.unanswering();
        for (Executable call : blockingCalls(provider)) {
            AtomicReference<Throwable> outcome = new AtomicReference<>();
            Thread thread = Thread.ofVirtual().start(() -> {
                try {
                    call.execute();
                    outcome.set(new AssertionError("the call returned normally from a calendar that never answers"));
                } catch (Throwable t) {
                    outcome.set(t);
                }
            });
            Thread.sleep(300);
            thread.interrupt();
            thread.join(INTERRUPT_GRACE.toMillis());
            if (thread.isAlive()) {
                thread.join(subject.timeLimit().toMillis());
                fail("a call was still running " + INTERRUPT_GRACE.toSeconds() + " s after its thread was interrupted");
            }
            assertInterruptedOrUnavailable(outcome.get());
        }
    }

    private void assertInterruptedOrUnavailable(Throwable outcome) {
        if (outcome instanceof CalendarException e) {
            messages.add(e.getMessage());
            assertEquals(CalendarException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
        } else if (!(outcome instanceof InterruptedException)) {
            fail("expected a CalendarException of kind UNAVAILABLE, got " + outcome, outcome);
        }
    }

    @Test
    public void everyCallGivesUpWithinItsTimeLimit() throws Exception {
        CalendarProvider provider = subject.unanswering();
        Duration limit = subject.timeLimit();
        List<CompletableFuture<Throwable>> calls = blockingCalls(provider).stream().map(call -> CompletableFuture.supplyAsync(() -> {
            try {
                call.execute();
                return (Throwable) new AssertionError("the call returned normally from a calendar that never answers");
            } catch (Throwable t) {
                return t;
            }
        }, command -> Thread.ofVirtual().start(command))).toList();
        for (CompletableFuture<Throwable> call : calls) {
            Optional<Throwable> outcome;
            try {
                outcome = Optional.of(call.get(limit.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS));
            } catch (java.util.concurrent.TimeoutException e) {
                outcome = Optional.empty();
            }
            assertTrue(outcome.isPresent(), "a call was still running after its time limit of " + limit.toSeconds() + " s");
            assertInterruptedOrUnavailable(outcome.get());
        }
    }
}
