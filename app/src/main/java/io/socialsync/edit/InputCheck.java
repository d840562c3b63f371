package io.socialsync.edit;

import io.socialsync.jobs.JobFailure;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.MediaValidator;
import io.socialsync.media.probe.ValidationLimits;
import io.socialsync.media.probe.ValidationResult;
import java.nio.file.Path;

/** Every input goes through the same validation as an upload: a URL can deliver anything. */
final class InputCheck {
    private InputCheck() {
    }

    /** @throws JobFailure naming the input and the reason, e.g. "input 2 (https://…): This is not a video file…" */
    static MediaInfo validate(Ffmpeg ffmpeg, Path file, int index, EditInput input, CancelToken cancel) {
        var result = new MediaValidator(ffmpeg, ValidationLimits.DEFAULTS).validate(file, cancel);
        return switch (result) {
            case ValidationResult.Accepted a -> a.info();
            case ValidationResult.Rejected r -> throw new JobFailure("input " + (index + 1) + " ("
                    + input.describe() + "): " + r.message());
        };
    }
}
