package io.socialsync.media.ffmpeg;

import io.socialsync.media.TempDir;
import java.io.IOException;
import java.net.URL;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FFmpeg inside {@code org.bytedeco:ffmpeg:*:linux-x86_64-gpl}, extracted once to
 * {@code <dataDir>/ffmpeg/<version>/}. The jar keeps {@code ffmpeg}, {@code ffprobe} and their {@code .so} files
 * flat in {@value #PREFIX}.
 *
 * <p>Extraction goes to a temp directory that is then renamed into place: the rename is atomic, so a directory that
 * exists is complete, and when two processes race the loser just discards its copy.
 */
public final class BundledFfmpeg {
    static final String PREFIX = "org/bytedeco/ffmpeg/linux-x86_64-gpl/";
    static final String POM_PROPERTIES = "META-INF/maven/org.bytedeco/ffmpeg/pom.properties";
    private static final Logger log = LoggerFactory.getLogger(BundledFfmpeg.class);

    private BundledFfmpeg() {}

    public static FfmpegBinaries extract(Path dataDir) {
        requireLinuxX64();
        URL url = BundledFfmpeg.class.getClassLoader().getResource(PREFIX + "ffmpeg");
        if (url == null) {
            throw new FfmpegException.NotAvailable("no ffmpeg on PATH and org.bytedeco:ffmpeg:linux-x86_64-gpl is "
                    + "not on the classpath; install ffmpeg or set " + FfmpegLocator.ENV_FFMPEG);
        }
        try (BundleSource source = BundleSource.open(url)) {
            Path target = dataDir.toAbsolutePath().resolve("ffmpeg").resolve(source.version());
            if (!Files.isDirectory(target)) install(source, target);
            return binaries(target);
        } catch (IOException e) {
            throw new FfmpegException.NotAvailable("cannot extract the bundled FFmpeg: " + e.getMessage(), e);
        }
    }

    private static void install(BundleSource source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (TempDir tmp = TempDir.create(target.getParent(), ".extract-")) {
            log.info("extracting the bundled FFmpeg to {}", target);
            source.copyTo(tmp.path());
            try {
                Files.move(tmp.path(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileSystemException e) {
                // FileAlreadyExists / DirectoryNotEmpty: another process finished first, its copy is as good
                if (!Files.isDirectory(target)) throw e;
            }
        }
    }

    /**
     * The executables carry {@code RUNPATH=$ORIGIN/}, but the libraries do not, and glibc applies RUNPATH only to
     * an object's direct dependencies: without this, {@code libavutil} would look for {@code libdrm.so.2} on the
     * system only (checked with ldd), which a slim image may lack.
     */
    private static FfmpegBinaries binaries(Path dir) {
        Path ffmpeg = dir.resolve("ffmpeg");
        Path ffprobe = dir.resolve("ffprobe");
        if (!Files.isExecutable(ffmpeg) || !Files.isExecutable(ffprobe)) {
            throw new FfmpegException.NotAvailable(dir + " is incomplete; delete it to re-extract");
        }
        String inherited = System.getenv("LD_LIBRARY_PATH");
        String ld = inherited == null || inherited.isBlank() ? dir.toString() : dir + ":" + inherited;
        return new FfmpegBinaries(FfmpegSource.BUNDLED, ffmpeg, ffprobe, Map.of("LD_LIBRARY_PATH", ld));
    }

    private static void requireLinuxX64() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new FfmpegException.NotAvailable("the bundled FFmpeg is for linux-x86_64 only (this is " + os
                    + "/" + arch + "); install ffmpeg on PATH or set " + FfmpegLocator.ENV_FFMPEG);
        }
    }
}
