package io.socialsync.edit;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.DomainException;
import io.socialsync.domain.NotFound;
import io.socialsync.jobs.JobFailure;
import io.socialsync.library.Variant;
import io.socialsync.library.Variants;
import io.socialsync.library.VideoState;
import io.socialsync.library.Videos;
import io.socialsync.media.TempDir;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.mediawork.MediaFiles;
import io.socialsync.storage.StorageKey;
import java.nio.file.Path;
import org.springframework.stereotype.Service;

/**
 * Where an edit input's bytes come from. Checked when the request comes in (404 for another workspace's id, so
 * ids do not leak across workspaces) and resolved again when the job runs, because things change in between.
 */
@Service
public class InputSources {
    private final Videos videos;
    private final Variants variants;
    private final MediaFiles files;
    private final UrlDownloads downloads;

    public InputSources(Videos videos, Variants variants, MediaFiles files, UrlDownloads downloads) {
        this.videos = videos;
        this.variants = variants;
        this.files = files;
        this.downloads = downloads;
    }

    /** Request time: 404 when not in this workspace, 409 when not usable yet. URLs are checked by the caller. */
    public void check(long workspaceId, EditInput input) {
        if (!(input instanceof EditInput.UrlInput)) storageKey(workspaceId, input);
    }

    /** Job time: a local file FFmpeg can read; URL inputs are downloaded into {@code work}. */
    public Path localFile(long workspaceId, EditInput input, int index, TempDir work, CancelToken cancel) {
        if (input instanceof EditInput.UrlInput u) {
            Path target = work.resolve("input-" + index);
            downloads.download(u.url(), target, cancel);
            return target;
        }
        try {
            return files.readable(StorageKey.of(storageKey(workspaceId, input)), work);
        } catch (DomainException e) {
            throw new JobFailure(e.getMessage());
        }
    }

    private String storageKey(long ws, EditInput input) {
        return switch (input) {
            case EditInput.VideoInput v -> {
                var video = videos.byId(ws, v.videoId()).orElseThrow(() -> new NotFound("video", v.videoId()));
                if (video.state() == VideoState.REJECTED) {
                    throw new Conflict("video " + v.videoId() + " was rejected: " + video.rejectReason());
                }
                yield video.storageKey();
            }
            case EditInput.VariantInput v -> {
                Variant variant = variants.byId(ws, v.variantId())
                        .orElseThrow(() -> new NotFound("variant", v.variantId()));
                if (variant.state() != Variant.State.READY) {
                    throw new Conflict("variant " + v.variantId() + " is " + variant.state()
                            + ", not rendered");
                }
                yield variant.storageKey();
            }
            case EditInput.UrlInput u -> throw new IllegalStateException("a URL input has no storage key");
        };
    }
}
