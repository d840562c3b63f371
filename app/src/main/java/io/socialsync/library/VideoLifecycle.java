package io.socialsync.library;

import io.socialsync.domain.Errors;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.media.probe.Rejection;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** A video's state changes, each committed with the ledger event that records it. */
@Service
public class VideoLifecycle {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Videos videos;
    private final Ledger ledger;
    private final Clock clock;

    public VideoLifecycle(Videos videos, Ledger ledger, Clock clock) {
        this.videos = videos;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public void rejected(Video video, Rejection rejection, Actor actor, Long jobId) {
        String reason = Errors.forUsers(rejection.message(), 2000);
        videos.rejected(video.workspaceId(), video.id(), rejection.code(), reason, clock.instant());
        record(video, actor, jobId, EventType.VIDEO_REJECTED, Map.of("code", rejection.code(), "reason", reason));
    }

    @Transactional
    public void probed(Video video, MediaInfo info, Actor actor, Long jobId) {
        var stream = info.requireVideo();
        String audio = info.audio().isEmpty() ? null : info.audio().getFirst().codec();
        double fps = stream.frameRate().value();
        var summary = new LinkedHashMap<String, Object>();
        summary.put("container", info.container());
        summary.put("duration_s", info.duration().toMillis() / 1000.0);
        summary.put("width", stream.width());
        summary.put("height", stream.height());
        summary.put("fps", fps);
        summary.put("video_codec", stream.codec());
        summary.put("pixel_format", stream.pixelFormat());
        summary.put("rotation", stream.rotation());
        summary.put("vfr", stream.variableFrameRate());
        summary.put("hdr", stream.hdr().name());
        summary.put("audio_streams", info.audio().size());
        videos.probed(video.workspaceId(), video.id(), VideoState.ANALYSING, info.duration().toMillis(), stream.width(),
                stream.height(), fps, stream.codec(), audio, info.container(), JSON.writeValueAsString(summary),
                clock.instant());
        record(video, actor, jobId, EventType.VIDEO_PROBED, summary);
    }

    /**
     * Its analysis failed for good: FAILED with the reason, so a person can analyse it again. A video that is
     * READY or REJECTED by now keeps that state (a failed re-analysis does not take its clips away).
     */
    @Transactional
    public void failed(Video video, String error, Actor actor, Long jobId) {
        String shown = Errors.forUsers(error, 2000);
        if (videos.failed(video.workspaceId(), video.id(), shown, clock.instant())) {
            record(video, actor, jobId, EventType.VIDEO_FAILED, Map.of("error", shown));
        }
    }

    /**
     * Its analysis job was cancelled: CANCELLED, saying by whom, so a person can analyse it again. A video that is
     * READY, REJECTED or FAILED by now keeps that state (a cancelled re-analysis does not take its clips away).
     */
    @Transactional
    public void cancelled(Video video, Actor actor, long jobId) {
        String shown = "analysis job " + jobId + " was cancelled by " + actor.value() + "; analyse the video again";
        if (videos.cancelled(video.workspaceId(), video.id(), shown, clock.instant())) {
            record(video, actor, jobId, EventType.VIDEO_CANCELLED, Map.of("error", shown));
        }
    }

    void record(Video video, Actor actor, Long jobId, EventType type, Map<String, Object> payload) {
        ledger.append(new LedgerEvent.New(video.workspaceId(), actor, type, "video", Long.toString(video.id()), jobId,
                payload));
    }
}
