package peregrine.tests.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Looks for secrets in files and text. */
public final class SecretSweep {

    private SecretSweep() {
    }

    /** @return the folder of the OSGi property {@code name} (a {@code file:} URL), e.g. the workspace {@code osgi.instance.area} */
    public static Optional<Path> area(String name) {
        String url = System.getProperty(name);
        if (url == null || !url.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(URI.create(url.replace(" ", "%20"))));
        } catch (IllegalArgumentException e) {
            return Optional.of(Path.of(url.substring("file:".length())));
        }
    }

    /** @return every regular file under each root (or the root itself), except those {@code skip} names */
    public static List<Path> files(List<Path> roots, List<Path> skip) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(f -> skip.stream().noneMatch(f::startsWith)).forEach(files::add);
            }
        }
        return files;
    }

    /** @return "secret in where" for each secret found in a file's bytes (as UTF-8) */
    public static List<String> inFiles(List<Path> files, List<String> secrets) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            if (Files.size(file) > 64L << 20) {
                continue;
            }
            String content = new String(readElsewhere(file), StandardCharsets.ISO_8859_1);
            for (String secret : secrets) {
                if (content.contains(new String(secret.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))) {
                    found.add(secret + " in " + file);
                }
            }
        }
        return found;
    }

    /**
     * Reads a file through another process: closing a descriptor of a file drops every POSIX lock this process
     * holds on it, SQLite's too, so reading the job database's files here would let another program (Peregrine)
     * take the WAL for unused, checkpoint it and delete it under the store's feet (sqlite.org/howtocorrupt.html 2.2).
     */
    private static byte[] readElsewhere(Path file) throws IOException {
        Process cat = new ProcessBuilder("cat", "--", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (var in = cat.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            if (cat.waitFor() != 0) {
                throw new IOException("cannot read " + file);
            }
            return bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted reading " + file, e);
        }
    }

    public static List<String> inText(String where, String text, List<String> secrets) {
        return secrets.stream().filter(text::contains).map(s -> s + " in " + where).toList();
    }
}
