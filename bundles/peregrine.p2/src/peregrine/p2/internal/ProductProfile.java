package peregrine.p2.internal;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Arrays;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.osgi.framework.BundleContext;

import peregrine.p2.PluginException;

/**
 * The running product's p2 agent and profile. The agent's area is the {@code p2} folder beside the product's
 * {@code plugins} (where tycho-p2-director-plugin put it, {@code eclipse.p2.data.area=@config.dir/../p2}); it is
 * found from the install area, not from the configuration area, because {@code peregrine-cli} runs in a
 * configuration area of its own. The profile is {@code eclipse.p2.profile} from the product's config.ini.
 */
record ProductProfile(IProvisioningAgent agent, String profileId) {

    static final String PROFILE_PROPERTY = "eclipse.p2.profile";
    /** The agent service by which SimpleProfileRegistry is told which profile is the running installation's. */
    private static final String FORCED_SELF = "FORCED_SELF";

    /** Opens the profile of the installation this framework runs from. */
    static ProductProfile open(IProvisioningAgentProvider provider, BundleContext context) throws PluginException {
        return open(provider, installFolder(context), context.getProperty(PROFILE_PROPERTY));
    }

    /** Opens profile {@code profileId} of the installation in folder {@code install}, whose p2 area is {@code install/p2}. */
    static ProductProfile open(IProvisioningAgentProvider provider, File install, String profileId) throws PluginException {
        File area = new File(install, "p2");
        if (!area.isDirectory()) {
            throw new PluginException("This installation (" + install + ") has no p2 area: plug-ins cannot be installed into it.");
        }
        if (profileId == null || profileId.isBlank()) {
            throw new PluginException("This installation (" + install + ") names no p2 profile (" + PROFILE_PROPERTY
                    + " in configuration/config.ini): plug-ins cannot be installed into it.");
        }
        IProvisioningAgent agent;
        try {
            agent = provider.createAgent(area.toURI());
        } catch (ProvisionException e) {
            throw new PluginException("The p2 area " + area + " cannot be opened: " + e.getMessage());
        }
        // The profile is this installation's own ("self"), wherever it was copied or moved: p2 then points the
        // profile's install folder (org.eclipse.equinox.p2.roaming) at this installation before any change. p2 finds
        // self by itself only through the configuration area, which peregrine-cli does not share with the product.
        agent.registerService(FORCED_SELF, profileId);
        ProductProfile product = new ProductProfile(agent, profileId);
        if (product.registry().getProfile(profileId) == null) {
            String known = Arrays.toString(Arrays.stream(product.registry().getProfiles()).map(IProfile::getProfileId).toArray());
            agent.stop();
            throw new PluginException("The p2 area " + area + " has no profile " + profileId + " (it has " + known + ").");
        }
        return product;
    }

    private static File installFolder(BundleContext context) throws PluginException {
        String area = context.getProperty("osgi.install.area");
        try {
            // Equinox writes the area as a file: URL that is not escaped (spaces stay), so read it as a URL
            return new File(new URL(area).getPath());
        } catch (MalformedURLException | NullPointerException e) {
            throw new PluginException("The product's install area (" + area + ") is not a local folder.");
        }
    }

    IProfileRegistry registry() {
        return agent.getService(IProfileRegistry.class);
    }

    /** @return the profile as it is now (each change makes a new snapshot) */
    IProfile profile() {
        return registry().getProfile(profileId);
    }
}
