package peregrine.p2.internal;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;

import peregrine.p2.PluginException;

/**
 * A p2 repository (metadata and artifacts) loaded for one operation. Closing it makes the agent forget it
 * again, unless the agent knew it before, so that no repository the user tried stays in the product's
 * list of known sites.
 */
final class LoadedRepository implements AutoCloseable {

    private final URI location;
    private final IMetadataRepositoryManager metadata;
    private final IArtifactRepositoryManager artifacts;
    private final boolean knownMetadata;
    private final boolean knownArtifacts;
    private IMetadataRepository repository;

    private LoadedRepository(IProvisioningAgent agent, URI location) {
        this.location = location;
        this.metadata = agent.getService(IMetadataRepositoryManager.class);
        this.artifacts = agent.getService(IArtifactRepositoryManager.class);
        this.knownMetadata = metadata.contains(location);
        this.knownArtifacts = artifacts.contains(location);
    }

    /** @throws PluginException when either half cannot be loaded (unreachable, not a p2 repository) or on cancel */
    static LoadedRepository load(IProvisioningAgent agent, URI location, IProgressMonitor monitor) throws PluginException {
        SubMonitor progress = SubMonitor.convert(monitor, "Reading " + location, 2);
        LoadedRepository loaded = new LoadedRepository(agent, location);
        try {
            loaded.repository = loaded.metadata.loadRepository(location, progress.split(1));
            loaded.artifacts.loadRepository(location, progress.split(1));
            return loaded;
        } catch (ProvisionException e) {
            loaded.close();
            throw new PluginException(describe(location, e));
        } catch (OperationCanceledException e) {
            loaded.close();
            throw new PluginException("Cancelled while reading " + location + ".");
        }
    }

    private static String describe(URI location, ProvisionException e) {
        String why = e.getMessage() == null ? "" : " (" + e.getMessage().strip() + ")";
        return switch (e.getStatus().getCode()) {
            case ProvisionException.REPOSITORY_NOT_FOUND -> "There is no p2 repository at " + location + why + ".";
            case ProvisionException.REPOSITORY_INVALID_LOCATION -> location + " is not a valid repository location" + why + ".";
            default -> "The p2 repository at " + location + " cannot be read" + why + ".";
        };
    }

    URI location() {
        return location;
    }

    /** @return the features of the repository, the newest version of each, by id */
    List<IInstallableUnit> features() {
        return repository.query(QueryUtil.createLatestQuery(QueryUtil.createIUGroupQuery()), null).toUnmodifiableSet().stream()
                .filter(Features::isFeature)
                .sorted(Comparator.comparing(IInstallableUnit::getId))
                .toList();
    }

    /** @return the newest version of feature {@code featureId} in the repository */
    Optional<IInstallableUnit> feature(String featureId) {
        String id = Features.unitId(featureId);
        return features().stream().filter(iu -> iu.getId().equals(id)).findFirst();
    }

    @Override
    public void close() {
        if (!knownMetadata) {
            metadata.removeRepository(location);
        }
        if (!knownArtifacts) {
            artifacts.removeRepository(location);
        }
    }
}
