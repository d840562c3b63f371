package io.socialsync.publish;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A small stateful YouTube Data API (resumable upload sessions, {@code videos.list}) that misbehaves at random with
 * a seed, like {@link FakeInstagram}: sessions refused with 5xx or a rate limit, chunks refused (or their connection
 * broken) before they arrive, chunks of which the session keeps only part, sessions that expire before their last
 * byte, probes that fail, videos rejected or failed in processing, and calls that take effect but whose answer is
 * lost. A user is known by their access token. A video is created when a session's last byte arrives, once per
 * session, so two completed sessions of one user are a duplicate. Every chunk's bytes are checked against the file
 * the test stored ({@link PlatformTest#content}).
 */
final class FakeYouTube extends FakePlatform {
    static final String NAME = "fake-youtube";
    private static final String UPLOAD = "/upload/youtube/v3/videos";
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Video> videos = new HashMap<>();
    private final Map<String, List<Video>> channels = new HashMap<>();
    private int ids;

    private static final class Session {
        final String user;
        final long size;
        long received;
        boolean expired;
        Video video;

        Session(String user, long size) {
            this.user = user;
            this.size = size;
        }
    }

    private static final class Video {
        final String id;
        /** Polls answered "processing" before the verdict. */
        final int processingPolls;
        /** "processed", or what YouTube made of it instead: "rejected", "failed". */
        final String verdict;
        int polls;

        Video(String id, int processingPolls, String verdict) {
            this.id = id;
            this.processingPolls = processingPolls;
            this.verdict = verdict;
        }
    }

    FakeYouTube() {
        super(NAME);
    }

    @Override
    void forget() {
        sessions.clear();
        videos.clear();
        channels.clear();
    }

    /** Every video a user's sessions created, whatever became of it: more than one is a duplicate. */
    synchronized List<String> uploadsOf(String token) {
        return channels.getOrDefault(token, List.of()).stream().map(v -> v.id).toList();
    }

    /**
     * The videos a user's channel shows: a rejected video, or one that failed processing, stays in the
     * channel's list for its owner but is not published, so it counts as not held.
     */
    synchronized List<String> videosOf(String token) {
        return channels.getOrDefault(token, List.of()).stream().filter(v -> v.verdict.equals("processed"))
                .map(v -> v.id).toList();
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        String path = request.getUrl().split("\\?")[0];
        String method = request.getMethod().getName();
        String auth = request.getHeader("Authorization");
        String user = auth == null ? "" : auth.replace("Bearer ", "");
        if (path.equals(UPLOAD) && method.equals("POST")) {
            return start(user, request);
        }
        if (path.equals(UPLOAD) && method.equals("PUT")) {
            var session = sessions.get(request.queryParameter("upload_id").firstValue());
            if (session == null || !session.user.equals(user)) {
                return error(404, "notFound", "Upload session not found");
            }
            String range = request.getHeader("Content-Range");
            return range != null && range.startsWith("bytes */") ? probe(session) : chunk(session, range, request);
        }
        if (path.equals("/youtube/v3/videos") && method.equals("GET")) {
            return list(user, request.queryParameter("id").firstValue());
        }
        return error(404, "notFound", "no such endpoint");
    }

    private ResponseDefinition start(String user, Request request) {
        if (roll(0.1)) {
            return error(503, "backendError", "Backend Error");
        }
        if (roll(0.05)) {
            return error(429, "rateLimitExceeded", "The request cannot be completed because you have exceeded your "
                    + "quota.");
        }
        String id = "UP" + (++ids);
        sessions.put(id, new Session(user, Long.parseLong(request.getHeader("X-Upload-Content-Length"))));
        String base = request.getAbsoluteUrl().substring(0, request.getAbsoluteUrl().indexOf(UPLOAD));
        var ok = new ResponseDefinitionBuilder().withStatus(200)
                .withHeader("Location", base + UPLOAD + "?uploadType=resumable&upload_id=" + id).build();
        return answer(ok, roll(0.1));
    }

    /** {@code Content-Range: bytes *}{@code /N}: what the session holds, or the original final answer. */
    private ResponseDefinition probe(Session s) {
        if (s.video == null && !s.expired && roll(0.03)) {
            s.expired = true; // an unfinished session YouTube dropped: no video, start again
        }
        if (s.expired) {
            return error(404, "notFound", "Upload session expired");
        }
        if (roll(0.05)) {
            return error(503, "backendError", "Backend Error");
        }
        return answer(state(s), roll(0.05));
    }

    private ResponseDefinition chunk(Session s, String contentRange, Request request) {
        if (s.expired) {
            return error(404, "notFound", "Upload session expired");
        }
        var m = RANGE.matcher(contentRange == null ? "" : contentRange);
        if (!m.matches() || Long.parseLong(m.group(3)) != s.size) {
            return error(400, "badContent", "Content-Range " + contentRange + " does not fit the session");
        }
        long from = Long.parseLong(m.group(1));
        long to = Long.parseLong(m.group(2));
        byte[] body = request.getBody();
        if (from > s.received || body.length != to - from + 1 || !matchesFile(body, from, s.size)) {
            return error(400, "badContent", "bytes " + from + "-" + to + " do not continue the upload"); // a bug
        }
        if (s.video != null) {
            return state(s); // a chunk after the end changes nothing
        }
        if (roll(0.1)) {
            return error(503, "backendError", "Backend Error"); // refused before a byte was kept
        }
        if (roll(0.05)) {
            return dropped(); // the connection broke before a byte was kept
        }
        long kept = roll(0.1) ? from + body.length / 2 : to + 1; // the session may keep fewer bytes than sent
        s.received = Math.max(s.received, kept);
        if (s.received >= s.size) {
            String verdict = roll(0.05) ? "rejected" : roll(0.05) ? "failed" : "processed";
            s.video = new Video(String.format("yt%09d", ++ids), pick(3), verdict);
            videos.put(s.video.id, s.video);
            channels.computeIfAbsent(s.user, u -> new ArrayList<>()).add(s.video);
        }
        return answer(state(s), roll(0.15));
    }

    /** 308 with the bytes held (no Range: none), or 201 with the video once the last byte arrived. */
    private static ResponseDefinition state(Session s) {
        if (s.video != null) {
            return new ResponseDefinitionBuilder().withStatus(201).withHeader("Content-Type", "application/json")
                    .withBody("{\"kind\":\"youtube#video\",\"id\":\"" + s.video.id + "\",\"status\":{\"uploadStatus\":"
                            + "\"uploaded\",\"privacyStatus\":\"public\"}}").build();
        }
        var incomplete = new ResponseDefinitionBuilder().withStatus(308);
        if (s.received > 0) {
            incomplete.withHeader("Range", "bytes=0-" + (s.received - 1));
        }
        return incomplete.build();
    }

    private ResponseDefinition list(String user, String id) {
        if (roll(0.1)) {
            return error(503, "backendError", "Backend Error");
        }
        var v = videos.get(id);
        boolean own = v != null && channels.getOrDefault(user, List.of()).contains(v);
        if (!own) {
            return ok("{\"kind\":\"youtube#videoListResponse\",\"items\":[]}");
        }
        String status;
        String processing;
        if (v.polls++ < v.processingPolls) {
            status = "\"uploadStatus\":\"uploaded\"";
            processing = "processing";
        } else {
            status = switch (v.verdict) {
                case "rejected" -> "\"uploadStatus\":\"rejected\",\"rejectionReason\":\"duplicate\"";
                case "failed" -> "\"uploadStatus\":\"failed\",\"failureReason\":\"conversion\"";
                default -> "\"uploadStatus\":\"processed\"";
            };
            processing = v.verdict.equals("failed") ? "failed" : "succeeded";
        }
        return answer(ok("{\"kind\":\"youtube#videoListResponse\",\"items\":[{\"kind\":\"youtube#video\",\"id\":\""
                + v.id + "\",\"status\":{" + status + ",\"privacyStatus\":\"public\"},\"processingDetails\":{"
                + "\"processingStatus\":\"" + processing + "\"}}]}"), roll(0.05));
    }

    private static ResponseDefinition dropped() {
        return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }

    private static ResponseDefinition error(int status, String reason, String message) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"errors\":[{"
                        + "\"message\":\"" + message + "\",\"domain\":\"youtube.video\",\"reason\":\"" + reason
                        + "\"}]}}").build();
    }

}
