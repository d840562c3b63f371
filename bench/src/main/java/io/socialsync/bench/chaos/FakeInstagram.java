package io.socialsync.bench.chaos;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small stateful Instagram Graph API (containers, reels, quota) without faults of its own: the faults of a chaos
 * run are the nodes'. It remembers every reel it published with its caption, so the run can count what Instagram
 * really holds: a caption on two reels is a post published twice.
 */
final class FakeInstagram implements ResponseDefinitionTransformerV2 {
    static final String NAME = "chaos-instagram";
    private static final DateTimeFormatter IG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);
    private final Map<String, Container> containers = new HashMap<>();
    private final List<Reel> reels = new ArrayList<>();
    private int ids;

    private static final class Container {
        final String user;
        final String caption;
        int polls;
        boolean published;

        Container(String user, String caption) {
            this.user = user;
            this.caption = caption;
        }
    }

    record Reel(String id, String user, String caption, Instant at) {
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    synchronized List<Reel> reels() {
        return List.copyOf(reels);
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        String[] path = request.getUrl().split("\\?")[0].split("/"); // "", "v26.0", id, [edge]
        String id = path.length > 2 ? path[2] : "";
        String edge = path.length > 3 ? path[3] : "";
        boolean post = request.getMethod().getName().equals("POST");
        if (post && edge.equals("media")) {
            var form = form(request.getBodyAsString());
            String container = "C" + (++ids);
            containers.put(container, new Container(id, form.getOrDefault("caption", "")));
            return ok("{\"id\":\"" + container + "\"}");
        }
        if (post && edge.equals("media_publish")) {
            return publish(form(request.getBodyAsString()).get("creation_id"));
        }
        if (edge.equals("content_publishing_limit")) {
            return ok("{\"data\":[{\"quota_usage\":0,\"config\":{\"quota_total\":100,\"quota_duration\":86400}}]}");
        }
        if (edge.equals("media")) {
            var items = reels.reversed().stream().filter(r -> r.user().equals(id))
                    .map(r -> "{\"id\":\"" + r.id() + "\",\"timestamp\":\"" + IG_TIME.format(r.at()) + "\"}").toList();
            return ok("{\"data\":[" + String.join(",", items) + "]}");
        }
        var container = containers.get(id);
        if (container != null) {
            String code = container.published ? "PUBLISHED" : container.polls++ < 1 ? "IN_PROGRESS" : "FINISHED";
            return ok("{\"status_code\":\"" + code + "\",\"status\":\"" + code.toLowerCase() + "\"}");
        }
        return ok("{\"id\":\"" + id + "\",\"permalink\":\"https://www.instagram.com/reel/" + id + "/\"}");
    }

    private ResponseDefinition publish(String containerId) {
        var c = containers.get(containerId);
        if (c == null || c.polls < 2) {
            return json(400, "{\"error\":{\"message\":\"Media ID is not available\",\"code\":9007,"
                    + "\"error_subcode\":2207027}}");
        }
        if (c.published) {
            return json(400, "{\"error\":{\"message\":\"The media has already been published\",\"code\":9007,"
                    + "\"error_subcode\":2207008}}");
        }
        c.published = true;
        String id = "M" + (++ids);
        reels.add(new Reel(id, c.user, c.caption, Instant.now()));
        return ok("{\"id\":\"" + id + "\"}");
    }

    private static ResponseDefinition ok(String body) {
        return json(200, body);
    }

    private static ResponseDefinition json(int status, String body) {
        return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }

    private static Map<String, String> form(String body) {
        var fields = new HashMap<String, String>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
