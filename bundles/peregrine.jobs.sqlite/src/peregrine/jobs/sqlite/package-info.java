/**
 * A {@link peregrine.jobs.JobStore} on a Peregrine {@code staging.db}. The bundle registers one as a
 * service on the database the settings name; {@link peregrine.jobs.sqlite.SqliteJobStores} opens one
 * on any other file.
 */
package peregrine.jobs.sqlite;
