package io.socialsync.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.socialsync.meta.downloads.StorageFullAlert;
import io.socialsync.meta.webhooks.MetaPayloadsTest;
import io.socialsync.support.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The seed's Meta download job as its downstream jobs use it: permanent public links (on here), the seed's field
 * names on the posts API, priority 50, the error alert over downloads started on arrival, engagement in the ledger.
 */
@TestPropertySource(properties = "socialsync.meta.public-links=true")
class MetaSeedFieldsTest extends MetaServerTest {
    @Autowired StorageFullAlert fullAlert;
    @Autowired TransactionTemplate tx;
    @Autowired MeterRegistry meters;
    @Autowired io.socialsync.ledger.Ledger ledger;
    @Autowired io.socialsync.ledger.LedgerEvents ledgerEvents;
    @Autowired java.time.Clock clock;

    @Test
    void aDownloadedVideoHasAPermanentPublicLinkAndTheSeedsFields() throws Exception {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        deliver("/webhook/facebook", videoPost(ws.pageId(), post, mediaUrl(stub(200, "video/mp4"))));
        var done = awaitPost(ws.id(), post, "downloaded", p -> p.mediaStatus() == MediaStatus.SUCCESS);
        assertThat(jdbc.sql("SELECT DISTINCT priority FROM jobs WHERE workspace_id = ? AND kind = "
                + "'DOWNLOAD_META_MEDIA'").param(ws.id()).query(Integer.class).list()).containsExactly(50);

        var view = ws.viewer().get("/meta/posts/" + done.id()).json();
        String link = view.path("public_url").asString();
        assertThat(link).matches("http://.+/public/meta-media/[A-Za-z0-9_-]{43}");
        assertThat(view.path("video_local").asString()).isEqualTo(link);
        assertThat(view.path("video_storage_path").asString()).isEqualTo(done.localKey());
        assertThat(view.path("video_descargado_en").asString()).isNotEmpty();
        assertThat(view.path("procesada").asBoolean()).isTrue();
        assertThat(view.path("imagen_local").isNull()).isTrue();
        assertThat(view.path("imagen_descargada_en").isNull()).isTrue();

        // no key, no expiry: the link is the credential; a guess is a 404
        try (var http = HttpClient.newHttpClient()) {
            var file = http.send(HttpRequest.newBuilder(URI.create(link.replaceFirst("^http://[^/]+",
                    "http://localhost:" + port))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.body()).containsExactly(1, 2, 3);
            assertThat(file.headers().firstValue("Content-Type")).hasValue("video/mp4");
            var guess = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/public/meta-media/" + "A".repeat(43))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(guess.statusCode()).isEqualTo(404);

            // a leaked link is ended by an editor: the file is a 404 by it at once, and the ledger says who did it
            assertThat(ws.viewer().delete("/meta/posts/" + done.id() + "/public-link").status()).isEqualTo(403);
            assertThat(ws.editor().delete("/meta/posts/" + done.id() + "/public-link").status()).isEqualTo(204);
            var revoked = http.send(HttpRequest.newBuilder(URI.create(link.replaceFirst("^http://[^/]+",
                    "http://localhost:" + port))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).isEqualTo(404);
            assertThat(ws.viewer().get("/meta/posts/" + done.id()).json().path("public_url").isNull()).isTrue();
            assertThat(ws.editor().delete("/meta/posts/" + done.id() + "/public-link").status()).as("again")
                    .isEqualTo(204);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_events WHERE workspace_id = ? AND event_type = "
                    + "'meta_public_link_revoked' AND entity_id = ?").params(ws.id(), Long.toString(done.id()))
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(ws.editor().delete("/meta/posts/" + (done.id() + 1_000_000) + "/public-link").status())
                    .isEqualTo(404);
        }
    }

    @Test
    void downloadsStartedOnArrivalAreCoveredByTheErrorAlert() {
        var ws = workspaceWithPage();
        for (int i = 0; i < 5; i++) {
            deliver("/webhook/facebook", videoPost(ws.pageId(), postId(ws.pageId()),
                    mediaUrl(stub(i < 2 ? 404 : 200, i < 2 ? null : "video/mp4"))));
        }
        Eventually.await("the on-arrival alert", DEADLINE, () -> !alerts(ws.id()).isEmpty());
        assertThat(alerts(ws.id())).hasSize(1).first().asString().contains("\"attempted\":5").contains("\"failed\":2")
                .contains("\"source\":\"on_arrival\"");
    }

    @Test
    void engagementChangesFromWebhooksLandInTheLedger() {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        String comment = "{\"item\":\"comment\",\"verb\":\"%s\",\"post_id\":\"" + post + "\",\"comment_id\":\"%s\"}";
        deliver("/webhook/facebook", MetaPayloadsTest.page(ws.pageId(), comment.formatted("add", "c1"),
                comment.formatted("remove", "c1"), "{\"item\":\"reaction\",\"verb\":\"add\",\"post_id\":\"" + post
                        + "\",\"reaction_type\":\"like\"}"));
        var events = jdbc.sql("SELECT payload FROM ledger_events WHERE workspace_id = ? AND event_type = "
                + "'meta_engagement_changed' AND entity_type = 'meta_post_counter' AND entity_id = ? ORDER BY id")
                .params(ws.id(), post).query(String.class).list();
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).contains("\"counter\":\"comments\"").contains("\"delta\":1");
        assertThat(events.get(1)).contains("\"counter\":\"comments\"").contains("\"delta\":-1");
        assertThat(events.get(2)).contains("\"counter\":\"likes\"");
    }

    @Test
    void aFullStorageIsACriticalAlertRaisedOncePerQuietPeriod() {
        var ws = workspaceWithPage();
        String post = postId(ws.pageId());
        deliver("/webhook/facebook", videoPost(ws.pageId(), post, mediaUrl(stub(200, "video/mp4"))));
        long id = awaitPost(ws.id(), post, "downloaded", p -> p.mediaStatus() == MediaStatus.SUCCESS).id();
        double before = meters.find("socialsync.meta.storage.full").counter().count();
        assertThat(tx.<Boolean>execute(s -> fullAlert.raise(ws.id(), id, 0, "the storage is full: No space left")))
                .isTrue();
        assertThat(tx.<Boolean>execute(s -> fullAlert.raise(ws.id(), id, 0, "the storage is full: No space left")))
                .isFalse();
        // another node (its own alert, nothing in memory) learns from the ledger that it was raised
        var otherNode = new StorageFullAlert(ledger, ledgerEvents, meters, clock);
        assertThat(tx.<Boolean>execute(s -> otherNode.raise(ws.id(), id, 0, "the storage is full: No space left")))
                .isFalse();
        assertThat(meters.find("socialsync.meta.storage.full").counter().count()).isEqualTo(before + 3);
        assertThat(jdbc.sql("SELECT payload FROM ledger_events WHERE workspace_id = ? AND event_type = "
                + "'meta_storage_full'").param(ws.id()).query(String.class).list()).hasSize(1).first().asString()
                .contains("\"severity\":\"critical\"");
    }

    private List<String> alerts(long ws) {
        return jdbc.sql("SELECT payload FROM ledger_events WHERE workspace_id = ? AND event_type = "
                + "'meta_downloads_degraded'").param(ws).query(String.class).list();
    }

    private String stub(int status, String contentType) {
        String path = "/cdn/" + UUID.randomUUID();
        var response = aResponse().withStatus(status).withBody(new byte[] {1, 2, 3});
        media.stubFor(get(urlEqualTo(path)).willReturn(contentType == null ? response
                : response.withHeader("Content-Type", contentType)));
        return path;
    }
}
