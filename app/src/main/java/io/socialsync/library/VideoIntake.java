package io.socialsync.library;

import io.socialsync.domain.IdempotencyKeys;
import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where every source enters the library (upload, tus, URL, Meta media): the Video row, its ledger event and its
 * ANALYSE_VIDEO job commit together. The same content (or the same idempotency key) in a workspace is the same Video;
 * the same key with other content is refused.
 */
@Service
public class VideoIntake {
    private final Videos videos;
    private final JobQueue jobs;
    private final Ledger ledger;
    private final Clock clock;

    public VideoIntake(Videos videos, JobQueue jobs, Ledger ledger, Clock clock) {
        this.videos = videos;
        this.jobs = jobs;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** {@code created} false: the content or key was already known and nothing new was stored in the library. */
    public record Intake(Video video, boolean created, Long analyseJobId) {
    }

    @Transactional
    public Intake accept(Video.New v, String idempotencyKey, Actor actor) {
        Optional<Video> known = existing(v.workspaceId(), v.sha256(), idempotencyKey);
        if (known.isPresent()) {
            return new Intake(known.get(), false, null);
        }
        long id;
        try {
            id = videos.insert(v, idempotencyKey, clock.instant());
        } catch (DuplicateKeyException raced) {
            return new Intake(existing(v.workspaceId(), v.sha256(), idempotencyKey).orElseThrow(), false, null);
        }
        var payload = new LinkedHashMap<String, Object>();
        payload.put("source", v.source().name());
        payload.put("size_bytes", v.sizeBytes());
        payload.put("sha256", v.sha256());
        payload.put("title", v.title());
        ledger.append(new LedgerEvent.New(v.workspaceId(), actor, EventType.VIDEO_UPLOADED, "video",
                Long.toString(id), null, payload));
        var job = jobs.enqueue(AnalyseVideoHandler.JOB.request(v.workspaceId(), AnalyseVideoHandler.Payload.of(id))
                .withIdempotencyKey("analyse-video-" + id), actor).job();
        return new Intake(videos.byId(v.workspaceId(), id).orElseThrow(), true, job.id());
    }

    private Optional<Video> existing(long workspaceId, String sha256, String idempotencyKey) {
        if (idempotencyKey != null) {
            var byKey = videos.byIdempotencyKey(workspaceId, idempotencyKey);
            if (byKey.isPresent()) {
                if (!byKey.get().sha256().equals(sha256)) {
                    throw IdempotencyKeys.reused("video " + byKey.get().id() + ", other content");
                }
                return byKey;
            }
        }
        return videos.bySha256(workspaceId, sha256);
    }
}
