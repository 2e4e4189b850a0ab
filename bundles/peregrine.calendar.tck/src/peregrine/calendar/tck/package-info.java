/**
 * The conformance kit for {@link peregrine.calendar.CalendarProvider}s: a provider's own test extends
 * {@link peregrine.calendar.tck.CalendarProviderContract} and hands it a {@link peregrine.calendar.tck.ContractSubject},
 * its provider connected to a real calendar server that the test started. The kit then checks, against that
 * server, what the SPI's contract asks of every provider.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package peregrine.calendar.tck;
