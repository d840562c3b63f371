package io.socialsync.publish;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small stateful Facebook Graph API for Page videos, in both shapes SocialSync uses: the three-phase
 * {@code /{page-id}/videos} upload (start, transfers of the ranges Facebook names, finish) and Page Reels
 * ({@code /{page-id}/video_reels} start, the rupload of the bytes, finish with {@code video_state=PUBLISHED}),
 * then {@code GET /{video-id}?fields=status}. It misbehaves at random with a seed, like {@link FakeInstagram}:
 * calls refused with 5xx or a rate limit, videos that fail processing, a finish whose connection breaks before it
 * acts, and calls that take effect but whose answer is lost. A user is a Page (the id in the path). A post exists
 * once a finish with everything uploaded succeeded (published, and never twice for one video); a video whose
 * processing failed is never shown, so it is not held. Uploaded bytes are checked against the file the test
 * stored ({@link PlatformTest#content}).
 */
final class FakeFacebook extends FakePlatform {
    static final String NAME = "fake-facebook";
    /** Facebook picks the transfer boundaries; this size gives files of a few hundred KB several ranges. */
    static final long RANGE = 200_000;
    private final Map<String, Video> videos = new HashMap<>();
    private final Map<String, Video> sessions = new HashMap<>();
    private final Map<String, List<Video>> posts = new HashMap<>();
    private int ids;

    private static final class Video {
        final String id;
        final String page;
        final boolean reel;
        long size;
        long received;
        boolean published;
        boolean fails;
        int processingPolls;
        int polls;

        Video(String id, String page, boolean reel, long size) {
            this.id = id;
            this.page = page;
            this.reel = reel;
            this.size = size;
        }
    }

    FakeFacebook() {
        super(NAME);
    }

    @Override
    void forget() {
        videos.clear();
        sessions.clear();
        posts.clear();
    }

    /** The posts (video ids) on a Page, reels and videos alike, oldest first. */
    synchronized List<String> postsOf(String page) {
        return posts.getOrDefault(page, List.of()).stream().filter(v -> !v.fails).map(v -> v.id).toList();
    }

    /** Every published video of a Page, including those that failed processing afterwards. */
    synchronized List<String> publishedOf(String page) {
        return posts.getOrDefault(page, List.of()).stream().map(v -> v.id).toList();
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        String[] path = request.getUrl().split("\\?")[0].split("/"); // "", "v26.0", id, [edge]
        boolean post = request.getMethod().getName().equals("POST");
        if (path[1].equals("video-upload")) {
            return rupload(videos.get(path[3]), request);
        }
        String edge = path.length > 3 ? path[3] : "";
        if (post && edge.equals("videos")) {
            var fields = fields(request);
            return switch (fields.getOrDefault("upload_phase", "")) {
                case "start" -> startVideo(path[2], Long.parseLong(fields.getOrDefault("file_size", "0")));
                case "transfer" -> transfer(sessions.get(fields.get("upload_session_id")), fields, request);
                case "finish" -> finish(sessions.get(fields.get("upload_session_id")), path[2],
                        "true".equals(fields.get("published")));
                default -> graphError(400, 100, 0, "Invalid parameter upload_phase");
            };
        }
        if (post && edge.equals("video_reels")) {
            var fields = fields(request);
            return switch (fields.getOrDefault("upload_phase", "")) {
                case "start" -> startReel(path[2], request);
                case "finish" -> finish(videos.get(fields.get("video_id")), path[2],
                        "PUBLISHED".equals(fields.get("video_state")));
                default -> graphError(400, 100, 0, "Invalid parameter upload_phase");
            };
        }
        if (!post && edge.isEmpty() && videos.containsKey(path[2])) {
            return status(videos.get(path[2]));
        }
        return graphError(400, 100, 33, "Unsupported request: object does not exist or cannot be loaded");
    }

    private ResponseDefinition startVideo(String page, long size) {
        var refused = refusedOrThrottled();
        if (refused != null) {
            return refused;
        }
        var v = video(page, false, size);
        String session = "S" + (++ids);
        sessions.put(session, v);
        return answer(ok("{\"video_id\":\"" + v.id + "\",\"upload_session_id\":\"" + session + "\","
                + offsets(v)), roll(0.1));
    }

    private ResponseDefinition transfer(Video v, Map<String, String> fields, Request request) {
        if (v == null) {
            return graphError(400, 100, 0, "Invalid upload_session_id");
        }
        long start = Long.parseLong(fields.getOrDefault("start_offset", "-1"));
        byte[] chunk = request.getPart("video_file_chunk").getBody().asBytes();
        if (start < 0 || start > v.received || !matchesFile(chunk, start, v.size)) {
            // the documented error shape: error_data says where Facebook wants to go on from
            return new ResponseDefinitionBuilder().withStatus(400).withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"message\":\"There was a problem uploading your video file. Please try "
                            + "again.\",\"code\":6001,\"error_subcode\":1363037,\"error_data\":{" + offsets(v)
                            + "}}").build();
        }
        if (roll(0.1)) {
            return graphTransientError(); // refused before a byte was kept
        }
        v.received = Math.max(v.received, Math.min(v.size, start + chunk.length)); // offset-addressed: idempotent
        return answer(ok("{" + offsets(v)), roll(0.15));
    }

    private ResponseDefinition startReel(String page, Request request) {
        var refused = refusedOrThrottled();
        if (refused != null) {
            return refused;
        }
        var v = video(page, true, 0);
        String base = request.getAbsoluteUrl().substring(0, request.getAbsoluteUrl().indexOf("/v26.0/"));
        return answer(ok("{\"video_id\":\"" + v.id + "\",\"upload_url\":\"" + base + "/video-upload/v26.0/" + v.id
                + "\"}"), roll(0.1));
    }

    /** The whole file in one request from {@code offset: 0}; sending it again is harmless. */
    private ResponseDefinition rupload(Video v, Request request) {
        if (v == null || !v.reel) {
            return new ResponseDefinitionBuilder().withStatus(400).withHeader("Content-Type", "application/json")
                    .withBody("{\"debug_info\":{\"retriable\":false,\"type\":\"NotFound\",\"message\":\"no such "
                            + "video\"}}").build();
        }
        byte[] body = request.getBody();
        long size = Long.parseLong(request.getHeader("file_size"));
        if (!"0".equals(request.getHeader("offset")) || body.length != size || !matchesFile(body, 0, size)) {
            return new ResponseDefinitionBuilder().withStatus(400).withHeader("Content-Type", "application/json")
                    .withBody("{\"debug_info\":{\"retriable\":false,\"type\":\"BadRequest\",\"message\":\"bytes do "
                            + "not match offset and file_size\"}}").build();
        }
        if (roll(0.1)) {
            return new ResponseDefinitionBuilder().withStatus(500).withHeader("Content-Type", "application/json")
                    .withBody("{\"debug_info\":{\"retriable\":true,\"type\":\"ServerError\",\"message\":\"try "
                            + "again\"}}").build();
        }
        v.size = size;
        v.received = size;
        return answer(ok("{\"success\":true}"), roll(0.1));
    }

    private ResponseDefinition finish(Video v, String page, boolean publish) {
        if (v == null || !v.page.equals(page)) {
            return graphError(400, 100, 0, "Invalid video");
        }
        if (v.received < v.size || v.size == 0) {
            return graphError(400, 6000, 1363030, "The video upload is not complete");
        }
        if (v.published) {
            return ok("{\"success\":true}"); // the same video twice is still one post
        }
        var refused = refusedOrThrottled();
        if (refused != null) {
            return refused;
        }
        if (roll(0.03)) {
            // the connection broke before Facebook acted: SocialSync cannot tell this from a lost answer
            return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        if (publish) {
            v.published = true;
            v.fails = roll(0.05);
            v.processingPolls = pick(3);
            posts.computeIfAbsent(page, p -> new ArrayList<>()).add(v);
        }
        return answer(ok("{\"success\":true}"), roll(0.25));
    }

    private ResponseDefinition status(Video v) {
        if (roll(0.1)) {
            return graphTransientError();
        }
        String uploading = v.received >= v.size && v.size > 0 ? "complete" : "in_progress";
        String status;
        if (!v.published) {
            status = "\"video_status\":\"" + (uploading.equals("complete") ? "upload_complete" : "uploading")
                    + "\",\"uploading_phase\":{\"status\":\"" + uploading + "\"},\"processing_phase\":{\"status\":"
                    + "\"not_started\"},\"publishing_phase\":{\"status\":\"not_started\"}";
        } else if (v.polls++ < v.processingPolls) {
            status = "\"video_status\":\"processing\",\"uploading_phase\":{\"status\":\"complete\"},"
                    + "\"processing_phase\":{\"status\":\"in_progress\"},\"publishing_phase\":{\"status\":"
                    + "\"not_started\"}";
        } else if (v.fails) {
            status = "\"video_status\":\"error\",\"uploading_phase\":{\"status\":\"complete\"},\"processing_phase\":"
                    + "{\"status\":\"error\",\"errors\":[{\"code\":1363008,\"message\":\"The video file is "
                    + "corrupt\"}]},\"publishing_phase\":{\"status\":\"not_started\"}";
        } else {
            status = "\"video_status\":\"ready\",\"uploading_phase\":{\"status\":\"complete\"},\"processing_phase\":"
                    + "{\"status\":\"complete\"},\"publishing_phase\":{\"status\":\"complete\",\"publish_status\":"
                    + "\"published\"}";
        }
        String permalink = v.reel ? "/reel/" + v.id + "/" : "/" + v.page + "/videos/" + v.id + "/";
        return ok("{\"id\":\"" + v.id + "\",\"permalink_url\":\"" + permalink + "\",\"status\":{" + status + "}}");
    }

    private Video video(String page, boolean reel, long size) {
        var v = new Video(String.valueOf(10_000_000 + (++ids)), page, reel, size);
        videos.put(v.id, v);
        return v;
    }

    /** The next range Facebook wants, as Graph sends offsets (strings); the caller closes the object. */
    private static String offsets(Video v) {
        return "\"start_offset\":\"" + v.received + "\",\"end_offset\":\"" + Math.min(v.size, v.received + RANGE)
                + "\"}";
    }

    private ResponseDefinition refusedOrThrottled() {
        if (roll(0.1)) {
            return graphTransientError();
        }
        if (roll(0.05)) {
            return graphError(400, 32, 0, "Page request limit reached");
        }
        return null;
    }

    /** Form fields, or the parts of a multipart transfer (all but the file). */
    private static Map<String, String> fields(Request request) {
        var fields = new HashMap<String, String>();
        String type = request.getHeader("Content-Type");
        if (type != null && type.startsWith("multipart/")) {
            for (var part : request.getParts()) {
                if (!part.getName().equals("video_file_chunk")) {
                    fields.put(part.getName(), part.getBody().asString());
                }
            }
            return fields;
        }
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
