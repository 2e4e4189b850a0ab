/**
 * The job model of Peregrine Workbench and the {@link peregrine.jobs.JobStore} service that keeps it.
 * Plain Java with no dependencies: every other bundle speaks in these types.
 */
@org.osgi.annotation.versioning.Version("0.4.0")
package peregrine.jobs;
