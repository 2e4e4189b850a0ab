package peregrine.calendar.ics;

import java.nio.file.Path;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import peregrine.settings.SettingsException;

/**
 * The iCalendar file interviews are pushed to, as an OSGi service registered by the {@code ics_file} calendar
 * provider. Reads the provider's settings file (local I/O: keep it off the UI thread).
 */
@ProviderType
public interface IcsCalendar {

    /**
     * @return the file the provider writes, which may not exist yet (nothing pushed); empty when the provider is
     *         not set up ({@code integrations/ics_file.yaml} does not exist)
     * @throws SettingsException when the settings file exists but is unreadable or names no usable path
     */
    Optional<Path> file() throws SettingsException;
}
