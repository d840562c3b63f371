package io.socialsync.publish;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small stateful Instagram Graph API (containers, media, quota) that misbehaves at random, with a seed: calls
 * refused with 5xx or a rate limit, containers that fail processing, and calls that take effect but whose answer never arrives (answered after the client's
 * timeout). Unlike per-test stubs it keeps the platform's side of the story consistent, so a test can ask what
 * Instagram really holds: how many reels each user got, whatever SocialSync believes.
 */
final class FakeInstagram extends FakePlatform {
    static final String NAME = "fake-instagram";
    private static final DateTimeFormatter IG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);
    private final Map<String, Container> containers = new HashMap<>();
    private final Map<String, List<Reel>> reels = new HashMap<>();
    private Supplier<Instant> clock = Instant::now;
    private int ids;

    private static final class Container {
        final String user;
        int polls;
        boolean failed;
        boolean published;

        Container(String user) {
            this.user = user;
        }
    }

    record Reel(String id, String container, Instant at) {
    }

    FakeInstagram() {
        super(NAME);
    }

    synchronized void reset(long seed, Supplier<Instant> clock, int lostAnswerDelayMs) {
        this.clock = clock;
        reset(seed, lostAnswerDelayMs);
    }

    @Override
    void forget() {
        containers.clear();
        reels.clear();
    }

    /** What Instagram holds for one user, oldest first. */
    synchronized List<Reel> reelsOf(String user) {
        return List.copyOf(reels.getOrDefault(user, List.of()));
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        String[] path = request.getUrl().split("\\?")[0].split("/"); // "", "v26.0", id, [edge]
        String id = path[2];
        String edge = path.length > 3 ? path[3] : "";
        boolean post = request.getMethod().getName().equals("POST");
        if (post && edge.equals("media")) {
            return createContainer(id);
        }
        if (post && edge.equals("media_publish")) {
            return publish(form(request.getBodyAsString()).get("creation_id"));
        }
        if (edge.equals("content_publishing_limit")) {
            return ok("{\"data\":[{\"quota_usage\":0,\"config\":{\"quota_total\":100,\"quota_duration\":86400}}]}");
        }
        if (edge.equals("media")) {
            return listMedia(id);
        }
        if (containers.containsKey(id)) {
            return status(containers.get(id));
        }
        return ok("{\"id\":\"" + id + "\",\"permalink\":\"https://www.instagram.com/reel/" + id + "/\"}");
    }

    private ResponseDefinition createContainer(String user) {
        if (roll(0.1)) {
            return graphTransientError();
        }
        if (roll(0.05)) {
            return graphError(400, 4, 0, "Application request limit reached"); // come back later
        }
        String id = "C" + (++ids);
        var container = new Container(user);
        container.failed = roll(0.05);
        containers.put(id, container);
        return answer(ok("{\"id\":\"" + id + "\"}"), roll(0.1));
    }

    private ResponseDefinition status(Container c) {
        if (roll(0.1)) {
            return graphTransientError();
        }
        String code = c.failed ? "ERROR" : c.published ? "PUBLISHED" : c.polls++ < 1 ? "IN_PROGRESS" : "FINISHED";
        return ok("{\"status_code\":\"" + code + "\",\"status\":\"" + code.toLowerCase() + "\"}");
    }

    private ResponseDefinition publish(String containerId) {
        var c = containers.get(containerId);
        if (c == null || c.failed || c.polls < 2) {
            return graphError(400, 9007, 2207027, "Media ID is not available");
        }
        if (c.published) {
            return graphError(400, 9007, 2207008, "The media has already been published");
        }
        if (roll(0.15)) {
            return graphTransientError(); // refused before anything happened
        }
        c.published = true;
        String id = "M" + (++ids);
        reels.computeIfAbsent(c.user, u -> new ArrayList<>()).add(new Reel(id, containerId, clock.get()));
        return answer(ok("{\"id\":\"" + id + "\"}"), roll(0.25));
    }

    private ResponseDefinition listMedia(String user) {
        var items = new ArrayList<String>();
        for (var reel : reelsOf(user).reversed()) {
            items.add("{\"id\":\"" + reel.id() + "\",\"timestamp\":\"" + IG_TIME.format(reel.at()) + "\"}");
        }
        return ok("{\"data\":[" + String.join(",", items) + "]}");
    }

}
