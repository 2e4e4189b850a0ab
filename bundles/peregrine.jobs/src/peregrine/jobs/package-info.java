/**
 * The job model of Peregrine Workbench and the {@link peregrine.jobs.JobStore} service that keeps it.
 * Plain Java with no dependencies: every other bundle speaks in these types.
 */
package peregrine.jobs;
