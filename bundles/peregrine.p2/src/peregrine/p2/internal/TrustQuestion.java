package peregrine.p2.internal;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.openpgp.PGPPublicKey;
import org.eclipse.equinox.p2.core.UIServices;

import peregrine.p2.UnsignedContent;

/**
 * p2's questions during an install, answered through the caller's {@link UnsignedContent}: unsigned artifacts
 * and untrusted signers are installed only when it accepts them. p2 asks this before the profile changes, and
 * a refusal fails the install there. Credentials are never asked for (a repository that wants them fails).
 */
final class TrustQuestion extends UIServices {

    private final UnsignedContent question;
    private volatile boolean refused;

    TrustQuestion(UnsignedContent question) {
        this.question = question;
    }

    /** @return whether the content was refused, which is why the install failed */
    boolean refused() {
        return refused;
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location) {
        return null;
    }

    @Override
    public AuthenticationInfo getUsernamePassword(String location, AuthenticationInfo previousInfo) {
        return null;
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, String[] unsignedDetail) {
        return getTrustInfo(untrustedChains, List.of(), unsignedDetail);
    }

    @Override
    public TrustInfo getTrustInfo(Certificate[][] untrustedChains, Collection<PGPPublicKey> untrustedKeys, String[] unsignedDetail) {
        List<String> concerns = new ArrayList<>();
        if (unsignedDetail != null) {
            Arrays.stream(unsignedDetail).filter(Objects::nonNull).map(d -> "unsigned: " + d.strip()).forEach(concerns::add);
        }
        List<Certificate> signers = new ArrayList<>();
        if (untrustedChains != null) {
            for (Certificate[] chain : untrustedChains) {
                if (chain != null && chain.length > 0) {
                    signers.add(chain[0]);
                    concerns.add("signed by an untrusted certificate: " + subject(chain[0]));
                }
            }
        }
        List<PGPPublicKey> keys = untrustedKeys == null ? List.of() : List.copyOf(untrustedKeys);
        keys.forEach(key -> concerns.add("signed with an untrusted PGP key: " + Long.toHexString(key.getKeyID()).toUpperCase()));
        if (concerns.isEmpty()) {
            return new TrustInfo(List.of(), List.of(), false, true);
        }
        if (question.accept(List.copyOf(concerns))) {
            return new TrustInfo(signers, keys, false, true);
        }
        refused = true;
        return new TrustInfo(List.of(), List.of(), false, false);
    }

    private static String subject(Certificate certificate) {
        return certificate instanceof X509Certificate x509 ? x509.getSubjectX500Principal().getName() : certificate.getType();
    }
}
