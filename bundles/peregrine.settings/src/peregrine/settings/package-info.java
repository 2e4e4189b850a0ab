/**
 * The user's settings: where the configuration and the job database live, the user's tier, and the
 * integration files ({@code integrations/<name>.yaml}) that Peregrine writes, all read through one checked,
 * cached reader ({@link peregrine.settings.SettingsFiles}) that a provider also uses for files its settings name.
 */
@org.osgi.annotation.versioning.Version("0.2.2")
package peregrine.settings;
