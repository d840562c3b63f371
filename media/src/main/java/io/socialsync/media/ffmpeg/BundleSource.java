package io.socialsync.media.ffmpeg;

import static io.socialsync.media.ffmpeg.BundledFfmpeg.POM_PROPERTIES;
import static io.socialsync.media.ffmpeg.BundledFfmpeg.PREFIX;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/** The bundle inside a jar (normal case) or an exploded classes directory (IDE runs). */
sealed interface BundleSource extends AutoCloseable permits BundleSource.JarBundle, BundleSource.DirBundle {
    String version();

    void copyTo(Path dir) throws IOException;

    @Override
    void close() throws IOException;

    static BundleSource open(URL url) throws IOException {
        if (url.getProtocol().equals("file")) {
            try {
                return new DirBundle(Path.of(url.toURI()).getParent());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        JarURLConnection conn = (JarURLConnection) url.openConnection();
        URL jarUrl = conn.getJarFileURL();
        if (jarUrl.getProtocol().equals("file") && !jarUrl.getPath().contains("!/")) {
            try {
                return new JarBundle(new JarFile(Path.of(jarUrl.toURI()).toFile()), true);
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
        }
        // nested jar (e.g. Spring Boot fat jar): the handler owns and caches the JarFile, so do not close it
        return new JarBundle(conn.getJarFile(), false);
    }

    record JarBundle(JarFile jar, boolean owned) implements BundleSource {
        @Override
        public String version() {
            JarEntry entry = jar.getJarEntry(POM_PROPERTIES);
            if (entry == null) return "unknown";
            try (InputStream in = jar.getInputStream(entry)) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "unknown");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void copyTo(Path dir) throws IOException {
            for (JarEntry e : jar.stream().toList()) {
                String name = e.getName();
                if (!name.startsWith(PREFIX) || e.isDirectory() || !wanted(name.substring(PREFIX.length()))) continue;
                try (InputStream in = jar.getInputStream(e)) {
                    writeExecutable(in, dir.resolve(name.substring(PREFIX.length())));
                }
            }
        }

        @Override
        public void close() throws IOException {
            if (owned) jar.close();
        }
    }

    record DirBundle(Path root) implements BundleSource {
        @Override
        public String version() {
            return "dev"; // exploded classes carry no pom.properties next to them
        }

        @Override
        public void copyTo(Path dir) throws IOException {
            try (var files = Files.list(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (!wanted(f.getFileName().toString())) continue;
                    try (InputStream in = Files.newInputStream(f)) {
                        writeExecutable(in, dir.resolve(f.getFileName().toString()));
                    }
                }
            }
        }

        @Override
        public void close() {}
    }

    /** Flat names only; the JNI bridge libraries and classes are for the Java bindings, not the CLI. */
    private static boolean wanted(String name) {
        return !name.isEmpty() && !name.contains("/") && !name.endsWith(".class") && !name.startsWith("libjni");
    }

    private static void writeExecutable(InputStream in, Path file) throws IOException {
        Files.copy(in, file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            if (!file.toFile().setExecutable(true)) throw new IOException("cannot chmod +x " + file);
        }
    }
}
