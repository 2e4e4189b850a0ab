/**
 * Installing and removing Peregrine plug-ins (calendar provider features) in the running product, through its
 * own p2 profile: the {@link peregrine.p2.PluginInstaller} service. Its types are plain Java (and Equinox's
 * {@code IProgressMonitor}); no p2 type crosses the API, so that a caller loads no p2 class before it
 * installs something.
 */
package peregrine.p2;
