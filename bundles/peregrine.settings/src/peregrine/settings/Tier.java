package peregrine.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The user's plan, lowest first. Calendar integrations need {@link #PAID} or higher. */
public enum Tier {
    FREE, PAID, PREMIUM, ULTRA;

    /** @return whether this tier includes everything {@code required} includes */
    public boolean includes(Tier required) {
        return compareTo(required) >= 0;
    }

    /** @return the name as Peregrine writes it in {@code user.yaml}, e.g. {@code paid} */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the tier {@code user.yaml} names, ignoring case and surrounding blanks */
    public static Optional<Tier> fromYamlName(String name) {
        return Arrays.stream(values()).filter(t -> t.yamlName().equalsIgnoreCase(name.strip())).findFirst();
    }
}
