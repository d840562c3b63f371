package io.socialsync.library;

import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.media.TempDir;
import io.socialsync.media.analysis.AnalysisResult;
import io.socialsync.media.analysis.ClipCandidate;
import io.socialsync.media.analysis.Thumbnails;
import io.socialsync.media.ffmpeg.CancelToken;
import io.socialsync.media.probe.MediaInfo;
import io.socialsync.mediawork.MediaTools;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an analysis into the library: thumbnails and the contact sheet to storage first (slow, no transaction),
 * then in one transaction the previous clips superseded, the new ones inserted, the video READY, and the events.
 */
@Service
public class ClipRecorder {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Clips clips;
    private final Videos videos;
    private final Storage storage;
    private final MediaTools media;
    private final Ledger ledger;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ClipRecorder(Clips clips, Videos videos, Storage storage, MediaTools media, Ledger ledger,
                        TransactionTemplate tx, Clock clock) {
        this.clips = clips;
        this.videos = videos;
        this.storage = storage;
        this.media = media;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * @param fence run first in the recording transaction: the job's lease-fenced progress, which throws when the
     *              job was cancelled or reclaimed meanwhile (nothing is recorded), and otherwise holds the job row
     *              so a cancel that comes later waits and finds the video READY (it keeps its clips)
     */
    List<Long> record(Video video, Path source, MediaInfo info, AnalysisResult result, TempDir work, long jobId,
                      CancelToken cancel, Runnable fence) {
        var thumbnails = new Thumbnails(media.ffmpeg());
        String prefix = video.workspaceId() + "/videos/" + video.id() + "/job" + jobId;
        var thumbKeys = new ArrayList<String>();
        for (int i = 0; i < result.clips().size(); i++) {
            Path jpeg = work.resolve("thumb-" + i + ".jpg");
            thumbnails.clipThumbnail(source, info, result.clips().get(i), result.signals(), jpeg, cancel);
            var key = StorageKey.of(prefix + "-clip" + (i + 1) + ".jpg");
            storage.putFile(key, jpeg);
            thumbKeys.add(key.value());
        }
        Path sheet = work.resolve("contact-sheet.jpg");
        thumbnails.contactSheet(source, info, sheet, 4, 4, cancel);
        var sheetKey = StorageKey.of(prefix + "-contact-sheet.jpg");
        storage.putFile(sheetKey, sheet);
        return tx.execute(status -> {
            fence.run();
            return insert(video, result, thumbKeys, sheetKey.value(), jobId);
        });
    }

    private List<Long> insert(Video video, AnalysisResult result, List<String> thumbKeys, String sheetKey, long jobId) {
        long ws = video.workspaceId();
        clips.supersede(ws, video.id());
        var ids = new ArrayList<Long>();
        for (int i = 0; i < result.clips().size(); i++) {
            ClipCandidate c = result.clips().get(i);
            int score = (int) Math.round(c.score());
            long id = clips.insert(ws, video.id(), i + 1, Math.round(c.start() * 1000), Math.round(c.end() * 1000),
                    score, JSON.writeValueAsString(c.subScores()), c.reason(), thumbKeys.get(i), jobId, clock.instant());
            ids.add(id);
            var payload = new LinkedHashMap<String, Object>();
            payload.put("video_id", video.id());
            payload.put("start_s", c.start());
            payload.put("end_s", c.end());
            payload.put("score", score);
            payload.put("reason", c.reason());
            ledger.append(new LedgerEvent.New(ws, Actor.SYSTEM, EventType.CLIP_CREATED, "clip", Long.toString(id),
                    jobId, payload));
        }
        videos.analysed(ws, video.id(), sheetKey, clock.instant());
        ledger.append(new LedgerEvent.New(ws, Actor.SYSTEM, EventType.VIDEO_ANALYSED, "video",
                Long.toString(video.id()), jobId, Map.of("clips", ids.size(), "clip_ids", ids,
                        "no_clips_reason", result.noClipsReason().orElse(""))));
        return ids;
    }
}
