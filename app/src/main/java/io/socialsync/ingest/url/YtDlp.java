package io.socialsync.ingest.url;

import io.socialsync.config.SocialSyncProperties;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where yt-dlp is: {@code socialsync.ingest.yt-dlp} (SOCIALSYNC_YTDLP) when set, else {@code yt-dlp} on the PATH.
 * Looked up on every use, so installing it needs no restart.
 */
@Component
public class YtDlp {
    public static final String MISSING = "yt-dlp is not installed; set SOCIALSYNC_YTDLP or install it to ingest "
            + "pages from video sites";
    private final String configured;

    public YtDlp(SocialSyncProperties properties) {
        this.configured = properties.ingest().ytDlp();
    }

    public Optional<Path> locate() {
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.strip());
            return Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = System.getenv("PATH");
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "yt-dlp");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
