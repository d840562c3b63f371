package io.socialsync.platforms.youtube;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.Pause;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.PublishTarget;
import java.time.Clock;
import java.util.Map;

/**
 * The bytes of a resumable session, in chunks of a multiple of 256 KiB, each a {@code PUT} with
 * {@code Content-Range: bytes a-b/N}: 308 with {@code Range: bytes=0-x} says where the next one starts (the
 * session may keep fewer bytes than were sent), 200/201 carries the video. The session's count, never ours,
 * decides where to go on; ours is recorded ({@code uploaded_bytes}) for people and for progress. Only the last
 * chunk can create the video, so only it is written ahead as an intent: once it may have arrived, a session that
 * cannot say whether it did makes the outcome unknown instead of starting a second upload.
 */
final class YouTubeUpload {
    static final String CHUNK = "upload";
    static final String FINAL = "upload_final";
    static final long QUANTUM = 256 * 1024;
    /** Interrupted chunks within one run before handing over to a later attempt. */
    private static final int INTERRUPTIONS = 5;
    /** Answers in a row that take no new bytes before this run gives up. */
    private static final int STALLS = 3;
    private final YouTubeSession session;
    private final PublishTarget t;
    private final PlatformSettings settings;
    private final Clock clock;

    YouTubeUpload(YouTubeSession session, PublishTarget t, PlatformSettings settings, Clock clock) {
        this.session = session;
        this.t = t;
        this.settings = settings;
        this.clock = clock;
    }

    /** The configured chunk size rounded down to 256 KiB (at least that); 0 or less: the rest in one PUT. */
    static long chunkSize(long configured) {
        return configured <= 0 ? Long.MAX_VALUE : Math.max(QUANTUM, configured / QUANTUM * QUANTUM);
    }

    /** A later run: the session says what it holds. Null when the video exists (its id is in the journal). */
    PublishOutcome resume(Journal journal) {
        var state = session.probe();
        boolean doubt = journal.progress().unresolved(FINAL);
        if (state instanceof YouTubeSession.Received r && r.bytes() < t.media().sizeBytes()) {
            // an answer: not every byte arrived, so whatever the last run sent made no video
            journal.recorded(CHUNK, Map.of("uploaded_bytes", String.valueOf(r.bytes())));
            journal.transferred(r.bytes(), t.media().sizeBytes());
            return send(r.bytes(), journal);
        }
        if (state instanceof YouTubeSession.Received) {
            return new PublishOutcome.Unknown(null, "YouTube holds every byte but returned no video");
        }
        return settle(state, doubt, journal);
    }

    /** Sends from {@code offset} to the end. Null when the video exists (its id is in the journal). */
    PublishOutcome send(long offset, Journal journal) {
        long size = t.media().sizeBytes();
        long chunk = chunkSize(settings.youtube().chunkSize());
        int interruptions = 0;
        int stalls = 0;
        while (true) {
            long to = Math.min(size - offset, chunk) + offset - 1;
            boolean last = to == size - 1;
            if (last) {
                journal.intent(FINAL);
            }
            var sent = session.put(offset, to);
            if (sent instanceof HttpResult.NotSent n) {
                if (last) {
                    journal.recorded(FINAL, Map.of()); // no connection, no bytes
                }
                return PublishOutcome.Failed.retryable("could not reach YouTube: " + n.detail());
            }
            var state = YouTubeSession.read(sent);
            boolean interrupted = sent instanceof HttpResult.NoAnswer
                    || (state instanceof YouTubeSession.Refused r && r.answer().status() >= 500);
            if (interrupted) {
                interruptions++;
                // the documented recovery: ask the session how much arrived, then go on from there
                Pause.sleep(settings.pollInterval());
                state = session.probe();
            }
            if (!(state instanceof YouTubeSession.Received r)) {
                return settle(state, last && interrupted, journal);
            }
            if (r.bytes() >= size) {
                return new PublishOutcome.Unknown(null, "YouTube holds every byte but returned no video");
            }
            stalls = r.bytes() > offset ? 0 : stalls + 1;
            offset = r.bytes();
            journal.recorded(CHUNK, Map.of("uploaded_bytes", String.valueOf(offset)));
            journal.transferred(offset, size);
            if (stalls >= STALLS) {
                // answers that take no bytes would otherwise loop until the job's time limit
                return PublishOutcome.Failed.retryable("YouTube kept answering without taking the bytes from "
                        + offset + " of " + size + ": SocialSync resumes the upload later");
            }
            if (interruptions >= INTERRUPTIONS) {
                return PublishOutcome.Failed.retryable("the upload to YouTube kept being interrupted ("
                        + offset + " of " + size + " bytes arrived): SocialSync resumes it later");
            }
        }
    }

    /**
     * Every state but "part of the file arrived". {@code doubt}: the last chunk may have arrived and this state
     * is not its answer but a later probe's, so a session that is gone or will not say leaves it unknown.
     */
    private PublishOutcome settle(YouTubeSession.State state, boolean doubt, Journal journal) {
        return switch (state) {
            case YouTubeSession.Done done when done.videoId().isEmpty() ->
                    new PublishOutcome.Unknown(null, "YouTube finished the upload but named no video");
            case YouTubeSession.Done done -> {
                long size = t.media().sizeBytes();
                journal.recorded(FINAL, Map.of("video_id", done.videoId(), "uploaded_bytes", String.valueOf(size),
                        "uploaded_at", clock.instant().toString()));
                journal.transferred(size, size);
                yield null;
            }
            case YouTubeSession.Received r -> throw new IllegalStateException("not a final state: " + r);
            case YouTubeSession.Expired e when doubt -> new PublishOutcome.Unknown(null, "YouTube's upload session "
                    + "is gone after the last chunk was sent, so whether the video was created is unknown");
            case YouTubeSession.Expired e -> {
                journal.reset("YouTube upload session expired");
                yield PublishOutcome.Failed.retryable("YouTube's upload session expired before the video was "
                        + "complete (so no video exists): SocialSync starts the upload again");
            }
            case YouTubeSession.Refused r when doubt -> new PublishOutcome.Unknown(null, "YouTube would not say "
                    + "whether the last chunk arrived (HTTP " + r.answer().status() + ")");
            case YouTubeSession.Refused r when r.answer().status() == 401 -> {
                // Google's access tokens last an hour, and a long upload can outlive one: the next attempt renews
                // it (a dead refresh token makes the account needs_reauth there) and resumes the session
                journal.recorded(CHUNK, Map.of());
                yield PublishOutcome.Failed.retryable("YouTube refused the access token in the middle of the upload "
                        + "(it can expire during a long one): SocialSync renews it and resumes");
            }
            case YouTubeSession.Refused r -> {
                journal.recorded(CHUNK, Map.of()); // an answer: whatever was sent did not make a video
                yield GoogleErrors.map(t.handle(), r.answer(), clock);
            }
            case YouTubeSession.Unreachable u when doubt -> new PublishOutcome.Unknown(null, "YouTube did not "
                    + "answer after the last chunk: " + u.detail());
            case YouTubeSession.Unreachable u -> PublishOutcome.Failed.retryable("YouTube did not answer: "
                    + u.detail());
        };
    }
}
