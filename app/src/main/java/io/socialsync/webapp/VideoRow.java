package io.socialsync.webapp;

import io.socialsync.library.Video;
import io.socialsync.library.VideoState;

/** One video in the library list: its state, the running analysis's progress, a rejection's reason. */
public record VideoRow(long id, String title, String state, String reason, String created, String duration,
                Progress.Step step) {

    static VideoRow of(Video v, Progress.Step step) {
        String reason = switch (v.state()) {
            case REJECTED -> v.rejectReason();
            case FAILED, CANCELLED -> v.error();
            default -> null;
        };
        String title = v.title() != null && !v.title().isBlank() ? v.title()
                : v.originalName() != null ? v.originalName() : "video " + v.id();
        return new VideoRow(v.id(), title, v.state().name(), reason, Times.show(v.createdAt()),
                v.durationMs() == null ? "" : Times.clock(v.durationMs() / 1000.0), step);
    }

    /** Still changing (or an analysis asked for again is queued): the list keeps polling while any row is. */
    public boolean working() {
        return step != null || !(state.equals(VideoState.READY.name()) || state.equals(VideoState.REJECTED.name())
                || state.equals(VideoState.FAILED.name()) || state.equals(VideoState.CANCELLED.name()));
    }
}
