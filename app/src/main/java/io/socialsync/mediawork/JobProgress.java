package io.socialsync.mediawork;

import io.socialsync.jobs.JobContext;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.ProgressListener;

/**
 * FFmpeg progress into job progress, mapped into [from, to] percent and written at most once per percent; when
 * the job is cancelled or its lease lost, the FFmpeg run is cancelled too.
 */
public final class JobProgress {
    private JobProgress() {
    }

    public static ProgressListener of(JobContext ctx, CancelToken cancel, int from, int to, String message) {
        int[] last = {-1};
        return p -> p.percent().ifPresent(pct -> {
            int mapped = from + (int) Math.round(pct * (to - from) / 100.0);
            if (mapped != last[0]) {
                last[0] = mapped;
                if (!ctx.tryProgress(mapped, message)) {
                    cancel.cancel();
                }
            }
        });
    }
}
