package peregrine.p2.internal;

import java.io.File;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.UIServices;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.ProvisioningContext;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.InstallOperation;
import org.eclipse.equinox.p2.operations.ProfileChangeOperation;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.UninstallOperation;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import peregrine.p2.Plugin;
import peregrine.p2.PluginException;
import peregrine.p2.PluginInstaller;
import peregrine.p2.PluginResult;
import peregrine.p2.UnsignedContent;

/**
 * {@link PluginInstaller} over the p2 Operations API and the product's own profile. The p2 agent is opened at
 * the first call, so that nothing of p2 loads before someone installs or lists plug-ins.
 */
@Component(service = PluginInstaller.class)
public final class P2PluginInstaller implements PluginInstaller {

    private static final System.Logger LOG = System.getLogger(P2PluginInstaller.class.getName());
    private static final String ROOT = "org.eclipse.equinox.p2.type.root";
    private static final String NOTHING_CHANGED = " Nothing was changed.";

    /** Opens the product's profile; called once, at the first use. */
    @FunctionalInterface
    private interface Opener {
        ProductProfile open() throws PluginException;
    }

    @Reference
    private IProvisioningAgentProvider agents;
    private Opener opener;
    private ProductProfile product;

    /** The DS component: the installation this framework runs from. */
    public P2PluginInstaller() {
    }

    /**
     * An installer over profile {@code profileId} of the installation in folder {@code installation} (its p2 area is
     * {@code installation/p2}), not the running one's: for tools and tests that work on another installation.
     */
    public P2PluginInstaller(IProvisioningAgentProvider agents, File installation, String profileId) {
        this.opener = () -> ProductProfile.open(agents, installation, profileId);
    }

    @Activate
    void activate(BundleContext bundleContext) {
        this.opener = () -> ProductProfile.open(agents, bundleContext);
    }

    /** Stops the p2 agent, if it was opened. */
    @Deactivate
    public synchronized void deactivate() {
        if (product != null) {
            product.agent().stop();
            product = null;
        }
    }

    private synchronized ProductProfile product() throws PluginException {
        if (product == null) {
            product = opener.open();
        }
        return product;
    }

    @Override
    public List<Plugin> installed() {
        try {
            IProfile profile = product().profile();
            return roots(profile).stream().map(Features::plugin).toList();
        } catch (PluginException e) {
            LOG.log(Level.INFO, e.getMessage());
            return List.of();
        }
    }

    @Override
    public List<Plugin> features() {
        try {
            return product().profile().query(QueryUtil.createIUGroupQuery(), null).toUnmodifiableSet().stream()
                    .filter(Features::isFeature)
                    .sorted(Comparator.comparing(IInstallableUnit::getId))
                    .map(Features::plugin).toList();
        } catch (PluginException e) {
            LOG.log(Level.INFO, e.getMessage());
            return List.of();
        }
    }

    /** The features installed on their own: the profile's roots, less the product unit itself. */
    private static List<IInstallableUnit> roots(IProfile profile) {
        return profile.query(QueryUtil.createIUGroupQuery(), null).toUnmodifiableSet().stream()
                .filter(Features::isFeature)
                .filter(iu -> "true".equals(profile.getInstallableUnitProperty(iu, ROOT)))
                .sorted(Comparator.comparing(IInstallableUnit::getId))
                .toList();
    }

    @Override
    public List<Plugin> available(String repository, IProgressMonitor monitor) throws PluginException {
        ProductProfile p = product();
        try (LoadedRepository loaded = LoadedRepository.load(p.agent(), RepositoryLocation.of(repository), monitor)) {
            IProfile profile = p.profile();
            List<IInstallableUnit> roots = roots(profile);
            // what the product itself is made of is not offered: it is neither installed nor removed alone
            return loaded.features().stream()
                    .filter(iu -> profile.available(QueryUtil.createIUQuery(iu.getId()), null).isEmpty()
                            || roots.stream().anyMatch(root -> root.getId().equals(iu.getId())))
                    .map(Features::plugin).toList();
        }
    }

    @Override
    public synchronized PluginResult install(String repository, String featureId, UnsignedContent unsigned,
            IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Installing " + featureId, 10);
        ProductProfile p;
        URI location;
        try {
            p = product();
            location = RepositoryLocation.of(repository);
        } catch (PluginException e) {
            return PluginResult.failed(e.getMessage() + NOTHING_CHANGED);
        }
        try (LoadedRepository loaded = LoadedRepository.load(p.agent(), location, progress.split(2))) {
            Optional<IInstallableUnit> feature = loaded.feature(featureId);
            if (feature.isEmpty()) {
                return PluginResult.failed("The repository " + location + " has no feature " + featureId + "; it offers: "
                        + loaded.features().stream().map(iu -> Features.plugin(iu).id()).collect(Collectors.joining(", "))
                        + "." + NOTHING_CHANGED);
            }
            IInstallableUnit unit = feature.get();
            IProfile before = p.profile();
            if (!before.query(QueryUtil.createIUQuery(unit.getId(), unit.getVersion()), null).isEmpty()) {
                return PluginResult.failed(featureId + " " + unit.getVersion() + " is already installed." + NOTHING_CHANGED);
            }
            InstallOperation operation = new InstallOperation(new ProvisioningSession(p.agent()), List.of(unit));
            ProvisioningContext repositories = operation.getProvisioningContext();
            repositories.setMetadataRepositories(location);
            repositories.setArtifactRepositories(location);
            Plugin plugin = Features.plugin(unit);
            return run(p, operation, new TrustQuestion(unsigned), progress.split(8),
                    "Installed " + plugin.name() + " " + plugin.version() + " (" + plugin.id() + ").",
                    plugin.id() + " cannot be installed into this product");
        } catch (PluginException e) {
            return PluginResult.failed(e.getMessage() + NOTHING_CHANGED);
        }
    }

    @Override
    public synchronized PluginResult uninstall(String featureId, IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, "Uninstalling " + featureId, 10);
        ProductProfile p;
        try {
            p = product();
        } catch (PluginException e) {
            return PluginResult.failed(e.getMessage() + NOTHING_CHANGED);
        }
        IProfile profile = p.profile();
        String unitId = Features.unitId(featureId);
        Optional<IInstallableUnit> root = roots(profile).stream().filter(iu -> iu.getId().equals(unitId)).findFirst();
        if (root.isEmpty()) {
            boolean partOfProduct = !profile.query(QueryUtil.createIUQuery(unitId), null).isEmpty();
            return PluginResult.failed((partOfProduct ? featureId + " is part of the product, not a plug-in: it cannot be uninstalled."
                    : featureId + " is not installed. Installed plug-ins: " + names(roots(profile)) + ".") + NOTHING_CHANGED);
        }
        UninstallOperation operation = new UninstallOperation(new ProvisioningSession(p.agent()), List.of(root.get()));
        // the planner needs no repository to take something away
        operation.getProvisioningContext().setMetadataRepositories();
        operation.getProvisioningContext().setArtifactRepositories();
        Plugin plugin = Features.plugin(root.get());
        return run(p, operation, new TrustQuestion(UnsignedContent.REFUSE), progress.split(10),
                "Uninstalled " + plugin.name() + " " + plugin.version() + " (" + plugin.id() + ").",
                plugin.id() + " cannot be uninstalled");
    }

    private static String names(List<IInstallableUnit> units) {
        return units.isEmpty() ? "none" : units.stream().map(iu -> Features.plugin(iu).id()).collect(Collectors.joining(", "));
    }

    /**
     * Resolves the change, then performs it with {@code trust} answering p2's questions. Resolution changes
     * nothing; the engine rolls back a change that fails halfway.
     */
    private static PluginResult run(ProductProfile p, ProfileChangeOperation operation, TrustQuestion trust,
            IProgressMonitor monitor, String done, String cannot) {
        SubMonitor progress = SubMonitor.convert(monitor, 10);
        operation.setProfileId(p.profileId());
        IStatus resolved = operation.resolveModal(progress.split(4));
        if (resolved.getSeverity() == IStatus.CANCEL) {
            return PluginResult.failed("Cancelled." + NOTHING_CHANGED);
        }
        if (resolved.getSeverity() == IStatus.ERROR) {
            String details = operation.getResolutionDetails();
            return PluginResult.failed(cannot + ": " + (details == null ? resolved.getMessage() : details.strip()) + NOTHING_CHANGED);
        }
        IProvisioningAgent agent = p.agent();
        Object previous = agent.getService(UIServices.SERVICE_NAME);
        agent.registerService(UIServices.SERVICE_NAME, trust);
        try {
            IStatus status = operation.getProvisioningJob(null).runModal(progress.split(6));
            // p2 ends a refused trust question as a cancelled change
            if (trust.refused()) {
                return PluginResult.failed(cannot + ": it holds unsigned or untrusted content, which was refused." + NOTHING_CHANGED);
            }
            if (status.getSeverity() == IStatus.CANCEL) {
                return PluginResult.failed("Cancelled." + NOTHING_CHANGED);
            }
            if (status.getSeverity() == IStatus.ERROR) {
                LOG.log(Level.WARNING, cannot + ": " + status, status.getException());
                return PluginResult.failed(cannot + ": " + message(status) + NOTHING_CHANGED);
            }
            return PluginResult.done(done + " Restart Peregrine Workbench to use the change.");
        } finally {
            agent.unregisterService(UIServices.SERVICE_NAME, trust);
            if (previous != null) {
                agent.registerService(UIServices.SERVICE_NAME, previous);
            }
        }
    }

    /** @return the status's message and its children's, one sentence each */
    private static String message(IStatus status) {
        StringBuilder text = new StringBuilder(status.getMessage().strip());
        for (IStatus child : status.getChildren()) {
            if (child.getSeverity() == IStatus.ERROR) {
                text.append(' ').append(child.getMessage().strip());
            }
        }
        return text.toString();
    }
}
