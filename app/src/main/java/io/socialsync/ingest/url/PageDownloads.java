package io.socialsync.ingest.url;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.domain.DomainException;
import io.socialsync.ingest.Uploads;
import io.socialsync.jobs.JobFailure;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Video;
import io.socialsync.media.ffmpeg.FfmpegBinaries;
import io.socialsync.mediawork.MediaFiles;
import io.socialsync.mediawork.MediaTools;
import io.socialsync.net.GuardedProxy;
import io.socialsync.net.UrlGuard;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Pages of video sites: yt-dlp downloads into a work directory, then the file enters the library like an upload.
 * yt-dlp fetches through a {@link GuardedProxy} of the ingest guard, one per run: extraction, redirects and media
 * hosts are chosen by the page, so checking only the page URL would let a page steer us to internal addresses.
 * (Asking yt-dlp for media URLs and fetching them ourselves would still leave its extraction requests unguarded,
 * and would mean re-implementing its HLS/DASH downloaders.)
 */
@Component
class PageDownloads {
    private final YtDlp ytDlp;
    private final MediaTools media;
    private final MediaFiles files;
    private final Uploads uploads;
    private final SocialSyncProperties.Ingest settings;
    private final UrlGuard guard;

    PageDownloads(UrlGuard guard, YtDlp ytDlp, MediaTools media, MediaFiles files, Uploads uploads, SocialSyncProperties properties) {
        this.guard = guard;
        this.ytDlp = ytDlp;
        this.media = media;
        this.files = files;
        this.uploads = uploads;
        this.settings = properties.ingest();
    }

    UrlIngest.Result download(UrlIngest.Request request, Actor actor, UrlIngest.Progress progress)
            throws IOException, InterruptedException {
        Path exe = ytDlp.locate().orElseThrow(() -> new JobFailure(YtDlp.MISSING));
        try (var work = files.workDir("yt-dlp-")) {
            YtDlpRun.Downloaded got;
            try (var proxy = GuardedProxy.start(guard, settings.connectTimeout(), settings.readTimeout())) {
                try {
                    got = YtDlpRun.run(exe, ffmpeg(), request.url(), proxy.url(), work.path(), uploads.maxBytes(),
                            settings.readTimeout(), settings.urlTimeout(), progress);
                } catch (JobFailure failed) { // the guard's reason beats yt-dlp's reading of a 403
                    throw proxy.refusal().map(r -> new JobFailure("yt-dlp's fetch of " + r)).orElse(failed);
                }
            }
            String title = request.title() != null && !request.title().isBlank() ? request.title() : got.title();
            var declared = new Uploads.Declared(displayName(got), title, null);
            Uploads.Stored stored;
            try (InputStream in = Files.newInputStream(got.file())) {
                stored = uploads.store(request.workspaceId(), in, Files.size(got.file()), declared);
            } catch (DomainException refused) {
                throw new JobFailure("yt-dlp's download of " + request.url() + ": " + refused.getMessage());
            }
            var intake = uploads.register(request.workspaceId(), stored, declared,
                    new Uploads.Origin(Video.Source.url, request.url(), got.uploader()), actor);
            return new UrlIngest.Result(intake, "yt-dlp", got.durationSeconds());
        }
    }

    /** The video's title with the file's extension; separators replaced, since only a base name is kept. */
    private static String displayName(YtDlpRun.Downloaded got) {
        String file = got.file().getFileName().toString();
        if (got.title() == null || got.title().isBlank()) {
            return file;
        }
        int dot = file.lastIndexOf('.');
        return got.title().replaceAll("[/\\\\]", "-") + (dot > 0 ? file.substring(dot) : "");
    }

    /** Our FFmpeg, for merging separate video and audio streams; without one yt-dlp looks on the PATH. */
    private FfmpegBinaries ffmpeg() {
        try {
            return media.ffmpeg().binaries();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
