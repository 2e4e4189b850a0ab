/**
 * The user's settings: where the configuration and the job database live, the user's tier, and the
 * integration files ({@code integrations/<name>.yaml}) that Peregrine writes.
 */
@org.osgi.annotation.versioning.Version("0.2.0")
package peregrine.settings;
