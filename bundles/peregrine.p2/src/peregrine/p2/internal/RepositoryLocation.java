package peregrine.p2.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import peregrine.p2.PluginException;

/** Turns what a user gives as a repository (a URL, a folder, a zip file) into the location p2 loads. */
final class RepositoryLocation {

    private RepositoryLocation() {
    }

    /**
     * @return an http(s), file or jar URL as given; a folder as its file URL; a zip or jar file as the URL of
     *         its root ({@code jar:file:...!/}), which is how p2 reads an archived repository
     * @throws PluginException when it is neither a URL nor an existing folder or file
     */
    static URI of(String given) throws PluginException {
        String text = given.strip();
        if (text.isEmpty()) {
            throw new PluginException("No repository given: give a URL, a folder or a zip file of a p2 repository.");
        }
        String scheme = text.contains(":") ? text.substring(0, text.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (scheme.equals("http") || scheme.equals("https") || scheme.equals("file") || scheme.equals("jar")) {
            try {
                return new URI(text);
            } catch (URISyntaxException e) {
                throw new PluginException("'" + text + "' is not a valid URL: " + e.getReason() + ".");
            }
        }
        Path path = Path.of(text).toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            return path.toUri();
        }
        if (Files.isRegularFile(path)) {
            return URI.create("jar:" + path.toUri() + "!/");
        }
        throw new PluginException("The repository " + path + " does not exist: give a URL, a folder or a zip file of a p2 repository.");
    }
}
