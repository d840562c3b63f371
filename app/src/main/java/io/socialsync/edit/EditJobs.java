package io.socialsync.edit;

import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobFailure;
import io.socialsync.jobs.JobKind;
import io.socialsync.media.TempDir;
import io.socialsync.media.edit.EditOperation;
import io.socialsync.media.edit.EditResult;
import io.socialsync.media.edit.Editor;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.MediaRejectedException;
import io.socialsync.mediawork.JobProgress;
import io.socialsync.mediawork.MediaFiles;
import io.socialsync.mediawork.MediaTools;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What the three edit handlers share: fetch and validate the inputs, run one {@link Editor} operation with job
 * progress and cancellation, store the output as an {@link Asset}. A job that already has its asset (it ran
 * before a worker died) returns that asset instead of editing again.
 */
@Service
public class EditJobs {
    /** Builds the operation from the payload and the inputs' local files. */
    @FunctionalInterface
    interface Planner<P> {
        EditOperation plan(P payload, List<Path> inputs);
    }

    private final InputSources sources;
    private final AssetRecorder recorder;
    private final Assets assets;
    private final MediaFiles files;
    private final MediaTools media;
    private final Storage storage;
    static final Duration LINK_TTL = Duration.ofDays(7);

    public EditJobs(InputSources sources, AssetRecorder recorder, Assets assets, MediaFiles files, MediaTools media,
                    Storage storage) {
        this.storage = storage;
        this.sources = sources;
        this.recorder = recorder;
        this.assets = assets;
        this.files = files;
        this.media = media;
    }

    <P extends Record & EditPayload> Map<String, Object> run(JobContext ctx, JobKind<P> job, String kind,
                                                            Planner<P> planner) {
        long ws = ctx.workspaceId();
        long jobId = ctx.job().id();
        P payload = ctx.payload(job);
        var done = assets.byJob(ws, jobId);
        if (done.isPresent()) return EditOutcome.of(done.get(), kind, link(done.get()), null, payload.sessionId());
        var cancel = CancelToken.create();
        try (var work = files.workDir("edit-")) {
            var inputs = payload.inputs();
            var paths = new ArrayList<Path>();
            var infos = new ArrayList<MediaInfo>();
            for (int i = 0; i < inputs.size(); i++) {
                ctx.progress(15 * i / inputs.size(), "fetching input " + (i + 1) + " of " + inputs.size());
                Path p = fetch(ws, inputs.get(i), i, work, cancel);
                infos.add(InputCheck.validate(media.ffmpeg(), p, i, inputs.get(i), cancel));
                paths.add(p);
            }
            var operation = plan(planner, payload, paths);
            var run = RunOptions.defaults().withCancel(cancel).withExpectedDuration(expected(operation, infos))
                    .withProgress(JobProgress.of(ctx, cancel, 15, 90, "editing"));
            var result = edit(operation, work.resolve("out.mp4"), run);
            ctx.progress(92, "storing the output");
            var asset = recorder.record(ws, kind, jobId, result);
            return EditOutcome.of(asset, kind, link(asset), result.sourceStart(), payload.sessionId());
        }
    }

    /** Absolute and signed, valid {@link #LINK_TTL}; {@code asset_file} gives a fresh one after that. */
    private String link(Asset asset) {
        return storage.signedUrl(StorageKey.of(asset.storageKey()), LINK_TTL).toString();
    }

    private Path fetch(long ws, EditInput input, int i, TempDir work, CancelToken cancel) {
        try {
            return sources.localFile(ws, input, i, work, cancel);
        } catch (DownloadFailed e) {
            if (e.permanent()) throw new JobFailure("input " + (i + 1) + ": " + e.getMessage(), e);
            throw e;
        }
    }

    private static <P> EditOperation plan(Planner<P> planner, P payload, List<Path> paths) {
        try {
            return planner.plan(payload, paths);
        } catch (IllegalArgumentException e) {
            throw new JobFailure(e.getMessage(), e);
        }
    }

    /** Bad input stays bad: no retries for it. FFmpeg failures and I/O errors are retried. */
    private EditResult edit(EditOperation op, Path out, RunOptions run) {
        try {
            return new Editor(media.ffmpeg()).apply(op, out, run);
        } catch (IllegalArgumentException | MediaRejectedException e) {
            throw new JobFailure(e.getMessage(), e);
        }
    }

    /** The output's length, for progress percentages. */
    static Duration expected(EditOperation op, List<MediaInfo> infos) {
        return switch (op) {
            case EditOperation.Trim t -> {
                Duration length = infos.getFirst().duration();
                Duration end = length.isZero() || t.end().compareTo(length) < 0 ? t.end() : length;
                yield end.compareTo(t.start()) > 0 ? end.minus(t.start()) : Duration.ZERO;
            }
            case EditOperation.AddText a -> infos.getFirst().duration();
            case EditOperation.Concatenate c -> infos.stream().map(MediaInfo::duration).reduce(Duration.ZERO,
                    Duration::plus);
        };
    }
}
