package io.socialsync.meta;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.meta.downloads.MediaStates;
import io.socialsync.meta.webhooks.MetaChange;
import io.socialsync.meta.webhooks.MetaCounters;
import io.socialsync.meta.webhooks.MetaWebhookEvents;
import io.socialsync.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Meta SQL against a real database, once per database by its subclasses. Workers and schedulers are off. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false"})
abstract class MetaStoreContract {
    static final Instant NOW = Instant.parse("2030-03-01T12:00:00Z");
    static final Instant STALE = NOW.minus(Duration.ofMinutes(12));
    @Autowired Workspaces workspaces;
    @Autowired JdbcClient jdbc;
    @Autowired MetaPosts posts;
    @Autowired MediaStates states;
    @Autowired MetaCounters counters;
    @Autowired MetaWebhookEvents events;
    long ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create("meta-" + UUID.randomUUID()).id();
    }

    long post(String postId, PostType type, String message, String url) {
        return posts.insertIfNew(ws, new MetaChange.NewPost("1", MetaPlatform.FACEBOOK, postId, type, message, url),
                null, NOW.minusSeconds(60)).orElseThrow();
    }

    void set(long id, String assignments, Object... values) {
        var args = new ArrayList<>(List.of(values));
        args.add(id);
        jdbc.sql("UPDATE meta_posts SET " + assignments + " WHERE id = ?").params(args).update();
    }

    static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    @Test
    void candidatesFollowTheSeedsRules() {
        long video = post("v", PostType.VIDEO, "m", "https://cdn/v.mp4");
        long photo = post("p", PostType.PHOTO, "m", "https://cdn/p.jpg");
        post("story", PostType.STORY, "m", "https://cdn/s.mp4");
        post("status", PostType.STATUS, "m", "https://cdn/x.jpg");
        post("no-message", PostType.VIDEO, null, "https://cdn/n.mp4");
        post("no-url", PostType.PHOTO, "m", null);
        set(post("spent", PostType.VIDEO, "m", "https://cdn/5.mp4"), "media_attempts = 5");
        set(post("done", PostType.VIDEO, "m", "https://cdn/d.mp4"), "media_status = 'success'");
        set(post("downloaded", PostType.VIDEO, "m", "https://cdn/l.mp4"), "local_key = 'x'");
        set(post("error", PostType.VIDEO, "m", "https://cdn/e.mp4"), "media_status = 'error', media_attempts = 1");
        set(post("later", PostType.VIDEO, "m", "https://cdn/w.mp4"), "media_next_attempt_at = ?", utc(NOW.plusSeconds(1)));
        long due = post("due", PostType.VIDEO, "m", "https://cdn/due.mp4");
        set(due, "media_attempts = 4, media_next_attempt_at = ?", utc(NOW));
        set(post("busy", PostType.VIDEO, "m", "https://cdn/b.mp4"), "media_status = 'downloading', media_updated_at = ?",
                utc(STALE.plusSeconds(1)));
        long abandoned = post("abandoned", PostType.PHOTO, "m", "https://cdn/a.jpg");
        set(abandoned, "media_status = 'downloading', media_updated_at = ?", utc(STALE.minusSeconds(1)));

        assertThat(states.candidates(ws, NOW, STALE, 50)).containsExactly(video, photo, due, abandoned);
        assertThat(states.workspacesWithCandidates(NOW, STALE)).contains(ws);
        assertThat(states.candidates(ws, NOW, STALE, 2)).containsExactly(video, photo);
    }

    @Test
    void aClaimIsExclusiveAndOnlyItsOwnerSettlesTheRow() {
        long id = post("v", PostType.VIDEO, "m", "https://cdn/v.mp4");
        var claimed = states.claim(ws, id, NOW, STALE).orElseThrow();
        assertThat(claimed.mediaStatus()).isEqualTo(MediaStatus.DOWNLOADING);
        assertThat(claimed.mediaAttempts()).isEqualTo(1);
        assertThat(states.claim(ws, id, NOW, STALE)).isEmpty();

        // the claim goes stale (its worker died) and a second run takes the row over
        var takenOver = states.claim(ws, id, NOW.plus(Duration.ofMinutes(30)), NOW.plus(Duration.ofMinutes(18)))
                .orElseThrow();
        assertThat(takenOver.mediaAttempts()).isEqualTo(2);
        assertThat(states.succeeded(claimed, "k", "video/mp4", 1, null, NOW)).isFalse();
        assertThat(states.retrying(takenOver, "{}", NOW.plusSeconds(5), NOW)).isTrue();
        var row = posts.byId(ws, id).orElseThrow();
        assertThat(row.mediaStatus()).isEqualTo(MediaStatus.PENDING);
        assertThat(row.mediaNextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(row.localKey()).isNull();
    }

    @Test
    void aRepeatedPostEventDoesNotMakeASecondRow() {
        post("v", PostType.VIDEO, "m", "https://cdn/v.mp4");
        var again = posts.insertIfNew(ws, new MetaChange.NewPost("1", MetaPlatform.FACEBOOK, "v", PostType.VIDEO, "m2",
                "https://cdn/v2.mp4"), null, NOW);
        assertThat(again).isEmpty();
        assertThat(posts.page(ws, null, null, 10)).singleElement().extracting(MetaPost::message).isEqualTo("m");
    }

    @Test
    void countersStartAtZeroAndNeverGoNegative() {
        counters.add(ws, "p1", MetaChange.Counter.LIKES, 1, NOW);
        counters.add(ws, "p1", MetaChange.Counter.LIKES, 1, NOW);
        counters.add(ws, "p1", MetaChange.Counter.COMMENTS, -1, NOW);
        counters.add(ws, "p2", MetaChange.Counter.SHARES, 1, NOW);
        var counts = counters.of(ws, List.of("p1", "p2", "p3"));
        assertThat(counts.get("p1")).isEqualTo(new MetaCounters.Counts(0, 2, 0, 0));
        assertThat(counts.get("p2")).isEqualTo(new MetaCounters.Counts(0, 0, 1, 0));
        assertThat(counts).doesNotContainKey("p3");
    }

    @Test
    void theSameBodyIsStoredOnce() {
        String sha = UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000";
        assertThat(events.insertIfNew(NOW, "page", "{}", sha)).isPresent();
        assertThat(events.insertIfNew(NOW, "page", "{}", sha)).isEmpty();
        assertThat(events.countBySha256(sha)).isEqualTo(1);
    }

    @Test
    void postsPageNewestFirstByKeyset() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(post("p" + i, PostType.PHOTO, "m", "https://cdn/" + i));
        }
        set(ids.get(1), "media_status = 'error'");
        var first = posts.page(ws, null, null, 2);
        assertThat(first).extracting(MetaPost::id).containsExactly(ids.get(4), ids.get(3));
        assertThat(posts.page(ws, null, ids.get(3), 10)).extracting(MetaPost::id)
                .containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(posts.page(ws, MediaStatus.ERROR, null, 10)).extracting(MetaPost::id).containsExactly(ids.get(1));
    }
}
