package peregrine.p2.internal;

import java.util.Locale;

import org.eclipse.equinox.p2.metadata.IInstallableUnit;

import peregrine.p2.Plugin;

/** How a feature's p2 unit and a plug-in the user names relate: {@code X} is unit {@code X.feature.group}. */
final class Features {

    static final String GROUP_SUFFIX = ".feature.group";

    private Features() {
    }

    static boolean isFeature(IInstallableUnit unit) {
        return unit.getId().endsWith(GROUP_SUFFIX);
    }

    /** @return the unit id of feature {@code featureId}, which may be given with or without the suffix */
    static String unitId(String featureId) {
        String id = featureId.strip();
        return id.endsWith(GROUP_SUFFIX) ? id : id + GROUP_SUFFIX;
    }

    static Plugin plugin(IInstallableUnit unit) {
        String id = unit.getId().substring(0, unit.getId().length() - GROUP_SUFFIX.length());
        String name = unit.getProperty(IInstallableUnit.PROP_NAME, Locale.getDefault().toString());
        String vendor = unit.getProperty(IInstallableUnit.PROP_PROVIDER, Locale.getDefault().toString());
        return new Plugin(id, unit.getVersion().toString(), name == null || name.isBlank() ? id : name, vendor == null ? "" : vendor);
    }
}
