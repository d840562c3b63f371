package io.socialsync.platforms.facebook;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.Journal;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.Progress;
import io.socialsync.platforms.PublishOutcome;
import io.socialsync.platforms.PublishTarget;
import io.socialsync.platforms.meta.Graph;
import io.socialsync.platforms.meta.MetaErrors;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A regular Page video, Graph's resumable three phases on {@code POST /{page-id}/videos}:
 * {@code upload_phase=start&file_size=N} → {@code upload_session_id}, {@code video_id} and the first
 * {@code start_offset}/{@code end_offset}; {@code upload_phase=transfer} with bytes [start, end) as
 * {@code video_file_chunk}, each answer naming the next range (Facebook picks the boundaries) until
 * {@code start_offset == end_offset}; {@code upload_phase=finish} with title, description and
 * {@code published=true}. The video id is recorded right after start; every accepted range is recorded, so a
 * later attempt sends the chunk Facebook is waiting for, never the file from 0. Finish is the call that posts:
 * after an unknown outcome only the video's status is asked.
 */
final class FacebookPageVideo {
    static final String START = "video_start";
    static final String TRANSFER = "video_transfer";
    static final String FINISH = "video_finish";
    /** Answers in a row that take no new bytes before this run gives up. */
    private static final int STALLS = 3;
    private final PlatformSettings settings;
    private final Graph graph;
    private final String page;

    FacebookPageVideo(PlatformSettings settings, Graph graph, String page) {
        this.settings = settings;
        this.graph = graph;
        this.page = page;
    }

    PublishOutcome publish(PublishTarget t, FacebookVideoStatus status, Journal journal) {
        Progress p = journal.progress();
        if (p.unresolved(FINISH) || p.handle("finished") != null) {
            return status.await(p.handle("video_id"), journal);
        }
        long size = t.media().sizeBytes();
        if (p.handle("upload_session_id") == null) {
            journal.intent(START);
            var started = graph.post(page + "/videos", Map.of("upload_phase", "start", "file_size",
                    String.valueOf(size)));
            var handles = started instanceof HttpResult.Answered a && a.ok() ? startHandles(a.json()) : null;
            if (handles == null) {
                journal.recorded(START, Map.of()); // an unpublished upload at most: nothing posted
                return started instanceof HttpResult.Answered a && a.ok()
                        ? PublishOutcome.Failed.retryable("Facebook's answer to starting the upload lacked the "
                                + "session, video id or offsets: SocialSync starts again")
                        : status.failure(started, "starting the upload");
            }
            journal.recorded(START, handles);
        }
        var notSent = transfer(t, journal);
        if (notSent != null) {
            return notSent;
        }
        String video = journal.progress().handle("video_id");
        journal.intent(FINISH);
        var finished = graph.post(page + "/videos", finishFields(t, journal.progress().handle("upload_session_id")));
        if (finished instanceof HttpResult.NoAnswer none) {
            return new PublishOutcome.Unknown(video, "finish sent, no answer: " + none.detail());
        }
        if (!(finished instanceof HttpResult.Answered a) || !a.ok()) {
            journal.recorded(FINISH, Map.of()); // refused or never sent: known not published
            return status.failure(finished, "publishing");
        }
        if (!a.json().path("success").asBoolean(true)) {
            journal.recorded(FINISH, Map.of());
            return PublishOutcome.Failed.retryable("Facebook did not accept finishing the upload of video " + video
                    + ": SocialSync tries again");
        }
        journal.recorded(FINISH, Map.of("finished", "true"));
        return status.await(video, journal);
    }

    /** Null when Facebook holds the whole file; otherwise why not (a later attempt goes on from the record). */
    private PublishOutcome transfer(PublishTarget t, Journal journal) {
        long size = t.media().sizeBytes();
        String session = journal.progress().handle("upload_session_id");
        long start = offset(journal.progress().handle("start_offset"), 0);
        long end = Math.min(size, offset(journal.progress().handle("end_offset"), size));
        int stalls = 0;
        while (start < end) {
            var sent = graph.upload(page + "/videos", Map.of("upload_phase", "transfer", "upload_session_id", session,
                    "start_offset", String.valueOf(start)), "video_file_chunk", t.media(), start, end - 1,
                    settings.uploadTimeout());
            if (!(sent instanceof HttpResult.Answered a)) {
                return PublishOutcome.Failed.retryable("Facebook did not take the chunk at byte " + start + " ("
                        + describe(sent) + "): SocialSync sends it again from there");
            }
            var json = a.json();
            var next = a.ok() ? json : json.path("error").path("error_data");
            String nextStart = text(next, "start_offset");
            String nextEnd = text(next, "end_offset");
            if (nextStart != null && nextEnd != null) {
                // an answer, or an error naming where Facebook wants to go on from (offsets it says it holds)
                journal.recorded(TRANSFER, Map.of("start_offset", nextStart, "end_offset", nextEnd));
                long from = offset(nextStart, start);
                stalls = from > start ? 0 : stalls + 1;
                start = from;
                end = Math.min(size, offset(nextEnd, end));
                journal.transferred(start, size);
            }
            if (stalls >= STALLS) {
                // answers that take no bytes would otherwise loop until the job's time limit
                return PublishOutcome.Failed.retryable("Facebook kept asking for the chunk at byte " + start
                        + " without taking it: SocialSync sends it again later");
            }
            if (!a.ok()) {
                var mapped = MetaErrors.map(FacebookPublisher.NAME, t.handle(), a);
                return mapped.retryable() && mapped.retryAfter() == null
                        ? PublishOutcome.Failed.retryable("Facebook failed to take the chunk at byte " + start
                                + " (HTTP " + a.status() + "): SocialSync sends it again from there")
                        : mapped;
            }
            if (nextStart == null || nextEnd == null) {
                return PublishOutcome.Failed.retryable("Facebook's answer to a chunk named no next offset: "
                        + "SocialSync asks again from byte " + start);
            }
        }
        return null;
    }

    /** The handles of a start answer, or null when one is missing. */
    private static Map<String, String> startHandles(JsonNode json) {
        var handles = new LinkedHashMap<String, String>();
        handles.put("flow", FacebookFlow.VIDEO.name());
        for (String field : new String[] {"video_id", "upload_session_id", "start_offset", "end_offset"}) {
            String value = text(json, field);
            if (value == null) {
                return null;
            }
            handles.put(field, value);
        }
        return handles;
    }

    private static Map<String, String> finishFields(PublishTarget t, String session) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("upload_phase", "finish");
        fields.put("upload_session_id", session);
        String caption = t.captionOrEmpty().strip();
        String firstLine = caption.lines().findFirst().orElse("").strip();
        if (!firstLine.isEmpty()) {
            fields.put("title", firstLine.codePointCount(0, firstLine.length()) <= 255 ? firstLine
                    : firstLine.substring(0, firstLine.offsetByCodePoints(0, 255)));
        }
        fields.put("description", caption);
        fields.put("published", "true");
        return fields;
    }

    /** Graph sends offsets as strings ("1048576"), sometimes as numbers. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isNumber()) {
            return String.valueOf(value.asLong());
        }
        String s = value.asString("");
        return s.isBlank() ? null : s;
    }

    private static long offset(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String describe(HttpResult r) {
        return switch (r) {
            case HttpResult.Answered a -> "HTTP " + a.status();
            case HttpResult.NotSent n -> "not sent: " + n.detail();
            case HttpResult.NoAnswer n -> "no answer: " + n.detail();
        };
    }
}
