package io.socialsync.publish;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small stateful TikTok Direct Post API (creator info, {@code video/init}, chunked upload, {@code status/fetch})
 * that misbehaves at random with a seed, like {@link FakeInstagram}. A user is known by their access token; a post
 * exists once every byte of a publish task has arrived, so two completed tasks of one user are a duplicate.
 */
final class FakeTikTok extends FakePlatform {
    static final String NAME = "fake-tiktok";
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Map<String, Task> tasks = new HashMap<>();
    private final Map<String, List<String>> posts = new HashMap<>();
    private int ids;

    private static final class Task {
        final String user;
        final long size;
        long received;
        String postId;

        Task(String user, long size) {
            this.user = user;
            this.size = size;
        }
    }

    FakeTikTok() {
        super(NAME);
    }

    @Override
    void forget() {
        tasks.clear();
        posts.clear();
    }

    /** The post ids TikTok holds for the user with this access token. */
    synchronized List<String> postsOf(String token) {
        return List.copyOf(posts.getOrDefault(token, List.of()));
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        String path = request.getUrl().split("\\?")[0];
        if (path.startsWith("/upload/tiktok/")) {
            return chunk(tasks.get(path.substring("/upload/tiktok/".length())), request.getHeader("Content-Range"));
        }
        String token = request.getHeader("Authorization").replace("Bearer ", "");
        var body = JSON.readTree(request.getBodyAsString());
        return switch (path) {
            case "/v2/post/publish/creator_info/query/" -> roll(0.05) ? internalError() : data("{\"creator_username\":"
                    + "\"creator\",\"privacy_level_options\":[\"PUBLIC_TO_EVERYONE\"],\"max_video_post_duration_sec\":600}");
            case "/v2/post/publish/video/init/" -> init(token, body.path("source_info").path("video_size").asLong(),
                    request.getAbsoluteUrl().replace(path, ""));
            case "/v2/post/publish/status/fetch/" -> status(tasks.get(body.path("publish_id").asString()));
            default -> error(404, "invalid_params", "no such endpoint");
        };
    }

    private ResponseDefinition init(String user, long size, String base) {
        if (roll(0.1)) {
            return internalError();
        }
        if (roll(0.05)) {
            return error(429, "rate_limit_exceeded", "too many requests");
        }
        String id = "v_pub_file~" + (++ids);
        tasks.put(id, new Task(user, size));
        return answer(data("{\"publish_id\":\"" + id + "\",\"upload_url\":\"" + base + "/upload/tiktok/" + id + "\"}"),
                roll(0.1));
    }

    private ResponseDefinition chunk(Task task, String contentRange) {
        var m = RANGE.matcher(contentRange == null ? "" : contentRange);
        if (task == null || !m.matches() || Long.parseLong(m.group(1)) > task.received) {
            return new ResponseDefinitionBuilder().withStatus(416).build(); // out of order: TikTok lost track
        }
        if (roll(0.1)) {
            return new ResponseDefinitionBuilder().withStatus(502).build();
        }
        task.received = Math.max(task.received, Long.parseLong(m.group(2)) + 1);
        boolean done = task.received >= task.size;
        if (done && task.postId == null) {
            task.postId = String.valueOf(7_300_000_000_000_000_000L + (++ids));
            posts.computeIfAbsent(task.user, u -> new ArrayList<>()).add(task.postId);
        }
        var answer = new ResponseDefinitionBuilder().withStatus(done ? 201 : 206)
                .withHeader("Content-Range", "bytes 0-" + (task.received - 1) + "/" + task.size).build();
        return answer(answer, roll(0.15));
    }

    private ResponseDefinition status(Task task) {
        if (task == null) {
            return error(400, "invalid_publish_id", "no such publish_id");
        }
        if (roll(0.1)) {
            return internalError();
        }
        return data(task.postId != null
                ? "{\"status\":\"PUBLISH_COMPLETE\",\"publicaly_available_post_id\":[" + task.postId + "]}"
                : "{\"status\":\"PROCESSING_UPLOAD\",\"uploaded_bytes\":" + task.received + "}");
    }

    private static ResponseDefinition internalError() {
        return error(500, "internal_error", "something went wrong");
    }

    private static ResponseDefinition error(int status, String code, String message) {
        return json(status, "{\"data\":{},\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
                + "\",\"log_id\":\"fake\"}}");
    }

    /** TikTok's envelope: the data, and an error object whose code is "ok". */
    private static ResponseDefinition data(String data) {
        return ok("{\"data\":" + data + ",\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"fake\"}}");
    }
}
