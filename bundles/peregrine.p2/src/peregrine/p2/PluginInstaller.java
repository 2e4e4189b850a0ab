package peregrine.p2;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Installs plug-ins into the running product and uninstalls them, through the product's own p2 profile.
 * A change takes effect at the product's next start.
 * <p>
 * Every method blocks (call it off the UI thread), may be cancelled through its monitor, and reports a
 * failure as its result, never by throwing. A failed or cancelled install or uninstall leaves the profile as
 * it was. A repository is given as the user typed it: an http(s) or file URL, a folder, or a zip file of a
 * p2 repository; it is loaded for the call only and forgotten afterwards. One change runs at a time.
 */
public interface PluginInstaller {

    /**
     * @return the plug-ins installed on their own (the product's root features other than the product itself),
     *         by id; empty when the product has no p2 profile
     */
    List<Plugin> installed();

    /**
     * @return every feature of the product's profile, those the product is made of and the plug-ins, by id; empty
     *         when the product has no p2 profile
     */
    List<Plugin> features();

    /**
     * @param repository a URL, folder or zip file of a p2 repository
     * @return the features the repository offers, newest version of each, by id
     * @throws PluginException when the repository cannot be read: its message says why
     */
    List<Plugin> available(String repository, IProgressMonitor monitor) throws PluginException;

    /**
     * Installs feature {@code featureId} from {@code repository}, with whatever of its requirements the
     * repository has and the product lacks.
     *
     * @param unsigned asked before unsigned or untrusted content is installed
     */
    PluginResult install(String repository, String featureId, UnsignedContent unsigned, IProgressMonitor monitor);

    /** Uninstalls plug-in {@code featureId} and what only it needed. */
    PluginResult uninstall(String featureId, IProgressMonitor monitor);
}
