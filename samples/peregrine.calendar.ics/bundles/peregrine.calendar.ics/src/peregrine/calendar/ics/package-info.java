/**
 * The iCalendar-file calendar: interviews pushed to one {@code .ics} file that any calendar app imports or
 * subscribes to. {@link peregrine.calendar.ics.IcsCalendar} tells other bundles (its own UI) which file that is.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package peregrine.calendar.ics;
