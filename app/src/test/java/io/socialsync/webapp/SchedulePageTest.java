package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.platforms.Platform;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.web.Role;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The schedule form and the accounts page over HTTP with a real session and CSRF token, no browser: what the server
 * refuses (captions over the platform's limit, a clip already scheduled, viewers, other workspaces) and what it
 * plans, in the account's zone. "Now" is 2030-01-07 08:00 UTC.
 */
class SchedulePageTest extends ClockedServerTest {
    private static final String PASSWORD = "schedule page password";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    @Autowired
    People people;
    @Autowired
    SocialAccountService accounts;
    private long ws;
    private WebSession editor;
    private WebSession viewer;
    private long instagram;

    @BeforeEach
    void workspaceWithAnEditorAViewerAndAnAccountInNewYork() {
        clock.set(START);
        String run = UUID.randomUUID().toString().substring(0, 8);
        ws = workspaces.create("Schedule " + run).id();
        people.create("ed-" + run + "@example.com", "Ed", PASSWORD, ws, Role.EDITOR, Actor.CLI);
        people.create("vi-" + run + "@example.com", "Vi", PASSWORD, ws, Role.VIEWER, Actor.CLI);
        editor = WebSession.logIn(base(), "ed-" + run + "@example.com", PASSWORD);
        viewer = WebSession.logIn(base(), "vi-" + run + "@example.com", PASSWORD);
        instagram = account(Platform.INSTAGRAM, "label.ny", NEW_YORK);
    }

    @Test
    void nextFreeSlotIsPreviewedThenScheduledAndShownInTheAccountsZone() {
        long clip = clip();
        var form = form(clip, "next", null, "New single #music");
        var preview = editor.form("/app/clips/" + clip + "/schedule/preview", form, true);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("America/New_York").contains("No warnings").contains("id=\"confirm\"");
        assertThat(publications(clip)).as("a preview writes nothing").isEmpty();

        var done = editor.form("/app/clips/" + clip + "/schedule", form, false);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        long id = publications(clip).getFirst();
        assertThat(done.location()).endsWith("/app/clips/" + clip + "/scheduled/" + id);
        var page = editor.page("/app/clips/" + clip + "/scheduled/" + id);
        Instant slot = jdbc.sql("SELECT scheduled_for FROM publications WHERE id = ?").param(id)
                .query(OffsetDateTime.class).single().toInstant();
        assertThat(page.body()).contains(ZonedTime.of(slot, NEW_YORK).text()).contains("New single #music");
        assertThat(preview.body()).contains(ZonedTime.of(slot, NEW_YORK).text());
        // the same form again (its idempotency key): the first publication, not a second one
        var again = editor.form("/app/clips/" + clip + "/schedule", form, false);
        assertThat(again.location()).endsWith("/scheduled/" + id);
        assertThat(publications(clip)).hasSize(1);
    }

    @Test
    void aTypedTimeIsReadInTheAccountsZoneAndANearPostIsAWarningBeforeConfirming() {
        long first = clip();
        var at = editor.form("/app/clips/" + first + "/schedule", form(first, "at", "2030-01-08T19:00", null), false);
        assertThat(at.status()).as(at.body()).isEqualTo(302);
        Instant slot = jdbc.sql("SELECT scheduled_for FROM publications WHERE clip_id = ?").param(first)
                .query(OffsetDateTime.class).single().toInstant();
        assertThat(slot).as("19:00 in New York").isEqualTo(Instant.parse("2030-01-09T00:00:00Z"));

        long second = clip();
        var near = editor.form("/app/clips/" + second + "/schedule/preview",
                form(second, "at", "2030-01-08T20:30", null), true);
        assertThat(near.status()).isEqualTo(200);
        assertThat(near.body()).contains("data-code=\"near_post\"").contains("Tue 2030-01-08 20:30 EST (America/New_York)");

        // the same clip on the same account again: refused before confirming, with the service's reason
        var twice = editor.form("/app/clips/" + first + "/schedule/preview", form(first, "next", null, null), true);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.type()).startsWith("application/problem+json");
        assertThat(twice.body()).contains("is already scheduled for social account " + instagram);
        var again = form(first, "next", null, null);
        again.put("key", "another form");
        var page = editor.form("/app/clips/" + first + "/schedule", again, false);
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.type()).startsWith("text/html");
        assertThat(page.body()).contains("id=\"refusal\"").contains("is already scheduled");
    }

    @Test
    void aCaptionOverThePlatformsLimitIsRefusedByTheServerAndNothingIsScheduled() {
        long clip = clip();
        var tooLong = form(clip, "next", null, "x".repeat(2201));
        var htmx = editor.form("/app/clips/" + clip + "/schedule/preview", tooLong, true);
        assertThat(htmx.status()).isEqualTo(400);
        assertThat(htmx.type()).startsWith("application/problem+json");
        assertThat(htmx.body()).contains("\"field\":\"caption\"")
                .contains("is 2201 characters: instagram takes at most 2200 characters");
        var page = editor.form("/app/clips/" + clip + "/schedule", tooLong, false);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("caption: is 2201 characters").contains("xxxxxxxx");
        var tags = editor.form("/app/clips/" + clip + "/schedule", form(clip, "next", null, "#a ".repeat(31)), false);
        assertThat(tags.status()).isEqualTo(400);
        assertThat(tags.body()).contains("has 31 hashtags: instagram takes at most 30");
        var noTime = editor.form("/app/clips/" + clip + "/schedule", form(clip, "at", "", null), false);
        assertThat(noTime.status()).isEqualTo(400);
        assertThat(noTime.body()).contains("at: is required");
        assertThat(publications(clip)).isEmpty();
        // the form carries each platform's limits for the page's script
        assertThat(editor.page("/app/clips/" + clip + "/schedule").body())
                .contains("data-max-length=\"2200\"").contains("data-max-hashtags=\"30\"")
                .contains("data-zone=\"America/New_York\"");
    }

    @Test
    void aViewerSeesNoFormsAndIsRefusedWhenTheyForgeOneAndOtherWorkspacesAreNotFound() {
        long clip = clip();
        account(Platform.TIKTOK, "stale", ZoneId.of("Europe/Paris"), true);
        var form = viewer.page("/app/clips/" + clip + "/schedule");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).doesNotContain("id=\"schedule\"").contains("not schedule it");
        var forged = viewer.form("/app/clips/" + clip + "/schedule", form(clip, "next", null, null), true);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.type()).startsWith("application/problem+json");
        assertThat(forged.body()).contains("editor role");
        assertThat(viewer.form("/app/clips/" + clip + "/schedule/preview", form(clip, "next", null, null), true)
                .status()).isEqualTo(403);
        assertThat(publications(clip)).isEmpty();
        var page = viewer.page("/app/accounts");
        assertThat(page.body()).contains("needs-reauth").contains("@stale").doesNotContain("Reconnect</button>")
                .doesNotContain("Connect Instagram");
        assertThat(viewer.form("/app/accounts/connect/tiktok", Map.of("timezone", "UTC"), true).status())
                .isEqualTo(403);

        long elsewhere = workspaces.create("elsewhere-" + UUID.randomUUID()).id();
        long foreign = accounts.create(elsewhere, Platform.INSTAGRAM, new AccountChanges("theirs", Map.of(),
                ZoneId.of("UTC"), "t", null, null, null, null), Actor.SYSTEM).id();
        var other = form(clip, "next", null, null);
        other.put("account", String.valueOf(foreign));
        assertThat(editor.form("/app/clips/" + clip + "/schedule/preview", other, true).status()).isEqualTo(404);
        assertThat(editor.page("/app/clips/" + clipIn(elsewhere) + "/schedule").status()).isEqualTo(404);
    }

    @Test
    void theAccountsPageShowsTokenStateBudgetsAndAReconnectBannerThatStartsTheConnectFlow() {
        long stale = account(Platform.TIKTOK, "stale", ZoneId.of("Europe/Paris"), true);
        var page = editor.page("/app/accounts");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("@label.ny").contains("America/New_York").contains("0 of 100 in 24 h")
                .contains("needs_reauth").contains("Connect Instagram").contains("Connect YouTube");
        assertThat(page.body()).containsPattern("(?s)class=\"banner needs-reauth\".*@stale.*"
                + "action=\"/app/accounts/connect/tiktok\".*name=\"account_id\" value=\"" + stale + "\"");
        // no OAuth client is configured here: the page says what to set, and the flow refuses with the same reason
        assertThat(page.body()).contains("id=\"unavailable-tiktok\"").contains("SOCIALSYNC_TIKTOK_CLIENT_KEY");
        var reconnect = editor.form("/app/accounts/connect/tiktok", Map.of("account_id", String.valueOf(stale)), false);
        assertThat(reconnect.status()).isEqualTo(409);
        assertThat(reconnect.body()).contains("class=\"problem\"").containsIgnoringCase("tiktok");
        var badZone = editor.form("/app/accounts/connect/tiktok", Map.of("timezone", "Mars/Base"), true);
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.body()).contains("IANA time zone");
    }

    private Map<String, String> form(long clip, String when, String at, String caption) {
        var form = new HashMap<String, String>();
        form.put("account", String.valueOf(instagram));
        form.put("when", when);
        form.put("key", "form-" + clip);
        if (at != null) {
            form.put("at", at);
        }
        if (caption != null) {
            form.put("caption", caption);
        }
        return form;
    }

    private long account(Platform platform, String handle, ZoneId zone) {
        return account(platform, handle, zone, false);
    }

    private long account(Platform platform, String handle, ZoneId zone, boolean needsReauth) {
        long id = accounts.create(ws, platform, new AccountChanges(handle, Map.of(), zone, "token", null, null, null,
                null), Actor.SYSTEM).id();
        if (needsReauth) {
            accounts.needsReauth(ws, id, "the platform refused the token", Actor.SYSTEM);
        }
        return id;
    }

    private long clip() {
        return clipIn(ws);
    }

    private long clipIn(long workspace) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, created_at, "
                        + "updated_at) VALUES (?, 'UPLOAD', 'videos/x.mp4', 1, ?, 'READY', ?, ?)")
                .params(workspace, UUID.randomUUID().toString().replace("-", ""), START.atOffset(java.time.ZoneOffset.UTC),
                        START.atOffset(java.time.ZoneOffset.UTC)).update(keys, "id");
        long video = keys.getKey().longValue();
        keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, reason, "
                        + "created_at) VALUES (?, ?, 1, 0, 15000, 80, '{}', 'a test clip', ?)")
                .params(workspace, video, START.atOffset(java.time.ZoneOffset.UTC)).update(keys, "id");
        return keys.getKey().longValue();
    }

    private List<Long> publications(long clip) {
        return jdbc.sql("SELECT id FROM publications WHERE clip_id = ? ORDER BY id").param(clip).query(Long.class)
                .list();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
