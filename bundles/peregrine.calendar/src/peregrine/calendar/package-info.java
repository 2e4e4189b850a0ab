/**
 * Pushing interviews to calendars: the {@link peregrine.calendar.CalendarProvider} contract that a
 * calendar plug-in implements, the values it receives, and the {@link peregrine.calendar.CalendarPushService}
 * that the workbench and the command line call.
 */
@org.osgi.annotation.versioning.Version("0.4.1")
package peregrine.calendar;
