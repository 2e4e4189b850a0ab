package peregrine.p2.ui.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IProvidedCapability;
import org.eclipse.equinox.p2.metadata.IRequirement;
import org.eclipse.equinox.p2.metadata.MetadataFactory;
import org.eclipse.equinox.p2.metadata.MetadataFactory.InstallableUnitDescription;
import org.eclipse.equinox.p2.metadata.Version;
import org.eclipse.equinox.p2.metadata.VersionRange;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import peregrine.p2.internal.P2PluginInstaller;

/**
 * Real p2 state for a test: an installation folder with a p2 area and an empty profile, the real installer over
 * it, and p2 repositories written with p2's own repository managers.
 */
final class TestP2 implements AutoCloseable {

    static final String PROFILE = "TestProfile";

    private final IProvisioningAgentProvider provider;
    private final Path installation;
    final P2PluginInstaller installer;

    TestP2(Path installation) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(TestP2.class).getBundleContext();
        ServiceReference<IProvisioningAgentProvider> reference = context.getServiceReference(IProvisioningAgentProvider.class);
        if (reference == null) {
            throw new IllegalStateException("no p2 agent provider in the test runtime");
        }
        this.provider = context.getService(reference);
        this.installation = installation;
        IProvisioningAgent agent = provider.createAgent(installation.resolve("p2").toUri());
        try {
            agent.getService(IProfileRegistry.class).addProfile(PROFILE, Map.of(
                    IProfile.PROP_INSTALL_FOLDER, installation.toString(),
                    IProfile.PROP_CACHE, installation.toString(),
                    IProfile.PROP_ENVIRONMENTS, "osgi.os=linux,osgi.ws=gtk,osgi.arch=x86_64"));
        } finally {
            agent.stop();
        }
        this.installer = new P2PluginInstaller(provider, installation.toFile(), PROFILE);
    }

    /** @return the profile's snapshots (p2 writes one per change), by name */
    List<String> snapshots() throws IOException {
        Path registry = installation.resolve("p2/org.eclipse.equinox.p2.engine/profileRegistry/" + PROFILE + ".profile");
        if (!Files.isDirectory(registry)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(registry)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".profile.gz") || n.endsWith(".profile"))
                    .sorted().toList();
        }
    }

    /**
     * Writes a p2 repository at {@code folder} with feature {@code id} (name, version, vendor); with {@code bundle},
     * the feature holds an unsigned bundle whose jar is in the repository.
     */
    void repository(Path folder, String id, String name, String version, String vendor, boolean bundle) throws Exception {
        IProvisioningAgent agent = provider.createAgent(folder.resolve(".agent").toUri());
        try {
            IMetadataRepository metadata = agent.getService(IMetadataRepositoryManager.class).createRepository(folder.toUri(),
                    "Test plug-ins", IMetadataRepositoryManager.TYPE_SIMPLE_REPOSITORY, Map.of());
            IArtifactRepository artifacts = agent.getService(IArtifactRepositoryManager.class).createRepository(folder.toUri(),
                    "Test plug-ins", IArtifactRepositoryManager.TYPE_SIMPLE_REPOSITORY, Map.of());
            Version v = Version.create(version);
            List<IInstallableUnit> units = new ArrayList<>();
            List<IRequirement> requires = new ArrayList<>();
            if (bundle) {
                String bundleId = id + ".bundle";
                IArtifactKey key = artifacts.createArtifactKey("osgi.bundle", bundleId, v);
                IArtifactDescriptor descriptor = artifacts.createArtifactDescriptor(key);
                try (OutputStream out = artifacts.getOutputStream(descriptor)) {
                    out.write(bundleJar(bundleId, version));
                }
                InstallableUnitDescription unit = new InstallableUnitDescription();
                unit.setId(bundleId);
                unit.setVersion(v);
                unit.setArtifacts(new IArtifactKey[] { key });
                unit.setTouchpointType(MetadataFactory.createTouchpointType("org.eclipse.equinox.p2.osgi", Version.create("1.0.0")));
                unit.addTouchpointData(MetadataFactory.createTouchpointData(Map.of(
                        "manifest", "Bundle-SymbolicName: " + bundleId + "\nBundle-Version: " + version,
                        "install", "installBundle(bundle:${artifact})",
                        "uninstall", "uninstallBundle(bundle:${artifact})")));
                unit.setCapabilities(new IProvidedCapability[] {
                        MetadataFactory.createProvidedCapability(IInstallableUnit.NAMESPACE_IU_ID, bundleId, v),
                        MetadataFactory.createProvidedCapability("osgi.bundle", bundleId, v) });
                units.add(MetadataFactory.createInstallableUnit(unit));
                requires.add(MetadataFactory.createRequirement(IInstallableUnit.NAMESPACE_IU_ID, bundleId, new VersionRange(v, true, v, true), null, false, false));
            }
            InstallableUnitDescription feature = new InstallableUnitDescription();
            feature.setId(id + ".feature.group");
            feature.setVersion(v);
            feature.setProperty(IInstallableUnit.PROP_NAME, name);
            feature.setProperty(IInstallableUnit.PROP_PROVIDER, vendor);
            feature.setProperty("org.eclipse.equinox.p2.type.group", "true");
            feature.setCapabilities(new IProvidedCapability[] {
                    MetadataFactory.createProvidedCapability(IInstallableUnit.NAMESPACE_IU_ID, id + ".feature.group", v) });
            feature.setRequirements(requires.toArray(IRequirement[]::new));
            units.add(MetadataFactory.createInstallableUnit(feature));
            metadata.addInstallableUnits(units);
        } finally {
            agent.stop();
        }
    }

    private static byte[] bundleJar(String id, String version) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        manifest.getMainAttributes().putValue("Bundle-SymbolicName", id);
        manifest.getMainAttributes().putValue("Bundle-Version", version);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            // a manifest alone: unsigned
        }
        return bytes.toByteArray();
    }

    File installation() {
        return installation.toFile();
    }

    @Override
    public void close() {
        installer.deactivate();
    }
}
