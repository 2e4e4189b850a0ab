package peregrine.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

import peregrine.jobs.Job;

/**
 * The identity of a job's interview event on any calendar, derived from the job alone: the same job
 * always gives the same key, so a provider that names the remote event by it makes "create" idempotent.
 * A push that crashed after the remote write and before the database write therefore finds, not
 * duplicates, its event on the next try.
 * <p>
 * The key is 32 characters of lowercase base32hex ({@code [0-9a-v]}): valid as is as a Google Calendar
 * event id, a CalDAV UID and a file name.
 *
 * @param key the derived key
 */
public record EventIdentity(String key) {

    private static final Pattern KEY = Pattern.compile("[0-9a-v]{32}");
    private static final char[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv".toCharArray();

    public EventIdentity {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not an event identity key: " + key);
        }
    }

    /**
     * @return the identity of {@code job}'s interview event, from what never changes for a Peregrine job:
     *         its id, its listing and its company. Jobs of two databases differ unless all three match.
     */
    public static EventIdentity of(Job job) {
        String source = "peregrine-job\n" + job.id() + "\n" + job.url() + "\n" + job.company().strip().toLowerCase(Locale.ROOT);
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
        // 20 bytes are 160 bits, exactly 32 base32hex digits.
        StringBuilder key = new StringBuilder(32);
        for (int bit = 0; bit < 160; bit += 5) {
            int value = 0;
            for (int i = 0; i < 5; i++) {
                int b = bit + i;
                value = (value << 1) | ((digest[b / 8] >> (7 - b % 8)) & 1);
            }
            key.append(BASE32HEX[value]);
        }
        return new EventIdentity(key.toString());
    }
}
