package io.socialsync.platforms.tiktok;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.PlatformHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** TikTok Content Posting API JSON calls with one user token. */
final class TikTokApi {
    private final PlatformHttp http;
    private final String base;
    private final String token;
    private final Duration timeout;

    TikTokApi(PlatformHttp http, String base, String token, Duration timeout) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    HttpResult creatorInfo() {
        return post("/v2/post/publish/creator_info/query/", "{}");
    }

    HttpResult init(JsonNode body) {
        return post("/v2/post/publish/video/init/", HttpResult.JSON.writeValueAsString(body));
    }

    HttpResult status(String publishId) {
        var body = HttpResult.JSON.createObjectNode().put("publish_id", publishId);
        return post("/v2/post/publish/status/fetch/", HttpResult.JSON.writeValueAsString(body));
    }

    /** TikTok answers 200 with {@code error.code = "ok"} on success; anything else is an error. */
    static boolean ok(HttpResult r) {
        return r instanceof HttpResult.Answered a && a.ok()
                && a.json().path("error").path("code").asString("ok").equals("ok");
    }

    private HttpResult post(String path, String json) {
        return http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json)), timeout);
    }
}
