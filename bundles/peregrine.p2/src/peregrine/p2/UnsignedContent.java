package peregrine.p2;

import java.util.List;

/**
 * The question asked before content that is unsigned, or signed by no trusted signer, is installed.
 * It is asked on the installing thread, after the plug-in has resolved and before the profile changes.
 */
@FunctionalInterface
public interface UnsignedContent {

    /** Refuses all unsigned content. */
    UnsignedContent REFUSE = artifacts -> false;
    /** Accepts it (e.g. {@code peregrine-cli plugins install --allow-unsigned}). */
    UnsignedContent ALLOW = artifacts -> true;

    /**
     * @param artifacts the artifacts concerned, one line each, as p2 describes them
     * @return whether to install them anyway
     */
    boolean accept(List<String> artifacts);
}
