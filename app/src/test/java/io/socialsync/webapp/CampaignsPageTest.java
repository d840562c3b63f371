package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.campaigns.CampaignRequest;
import io.socialsync.campaigns.CampaignService;
import io.socialsync.db.Timestamps;
import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.secrets.SecretBox;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The campaigns page over HTTP: this workspace's campaigns with their budget and latest spend in the account's
 * currency, and an editor's stop as POST /campaigns/{id}/stop does; a viewer sees no buttons and cannot post.
 * (Meta is not reachable here: the campaigns stay "creating", which is all the page needs.)
 */
class CampaignsPageTest extends ServerTest {
    private static final String PASSWORD = "campaigns page password";
    @Autowired People people;
    @Autowired Workspaces workspaces;
    @Autowired CampaignService campaigns;
    @Autowired SecretBox secrets;
    @Autowired JdbcClient jdbc;
    private long ws;
    private String run;

    @BeforeEach
    void workspaceWithAdAccount() {
        run = UUID.randomUUID().toString().substring(0, 8);
        ws = workspaces.create("campaigns " + run).id();
        var now = Timestamps.utc(Instant.now().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("INSERT INTO ad_accounts (workspace_id, account_id, name, currency, page_id, instagram_user_id, "
                        + "access_token_enc, spend_cap_minor, campaign_cap_minor, status, created_at, updated_at) "
                        + "VALUES (?, '42', 'Shop', 'EUR', '555', '777', ?, 100000, 50000, 'active', ?, ?)")
                .params(ws, secrets.seal("token"), now, now).update();
    }

    private long campaign(String name, long dailyMinor) {
        return campaigns.create(ws, new CampaignRequest(name, null, "instagram", "178900", null, null, null, null,
                "daily", dailyMinor, "EUR", null, Instant.now().plus(Duration.ofDays(3)), List.of("ES"), null, null,
                null, null), Actor.SYSTEM).campaign().id();
    }

    private WebSession as(Role role) {
        String email = role.wire() + "-" + run + "@example.com";
        people.create(email, "Camila", PASSWORD, ws, role, Actor.CLI);
        return WebSession.logIn(admin.withKey(null), email, PASSWORD);
    }

    @Test
    void theListShowsBudgetAndSpendAndAnEditorStopsACampaign() {
        long spring = campaign("Spring reel " + run, 1250);
        jdbc.sql("INSERT INTO campaign_metrics (workspace_id, campaign_id, collected_at, spend_minor, impressions, "
                        + "reach, video_plays, thruplays, results) VALUES (?, ?, ?, ?, 1, 1, 1, 1, 1)")
                .params(ws, spring, Timestamps.utc(Instant.now().minus(Duration.ofHours(2))), 300).update();
        jdbc.sql("INSERT INTO campaign_metrics (workspace_id, campaign_id, collected_at, spend_minor, impressions, "
                        + "reach, video_plays, thruplays, results) VALUES (?, ?, ?, ?, 1, 1, 1, 1, 1)")
                .params(ws, spring, Timestamps.utc(Instant.now().minus(Duration.ofHours(1))), 1234).update();
        long unread = campaign("Unread " + run, 500);

        var editor = as(Role.EDITOR);
        var page = editor.page("/app/campaigns");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Spring reel " + run, "12.50 EUR a day", "at most 37.50 EUR", "12.34 EUR",
                "Unread " + run, "not read yet", "aria-label=\"Stop campaign " + spring + "\"");

        var stopped = editor.form("/app/campaigns/" + spring + "/stop", Map.of(), false);
        assertThat(stopped.status()).isEqualTo(302);
        assertThat(campaigns.get(ws, spring).desired().wire()).isEqualTo("stopped");
        var after = editor.page("/app/campaigns");
        // (its sync may already have stopped it: nothing was built on Meta, so there is nothing to wait for)
        assertThat(after.body()).contains("Campaign " + spring + " will be stopped")
                .doesNotContain("aria-label=\"Stop campaign " + spring + "\"")
                .contains("aria-label=\"Stop campaign " + unread + "\"");

        var viewer = as(Role.VIEWER);
        assertThat(viewer.page("/app/campaigns").body()).contains("Unread " + run).doesNotContain("Pause campaign");
        assertThat(viewer.form("/app/campaigns/" + unread + "/pause", Map.of(), false).status()).isEqualTo(403);
        assertThat(campaigns.get(ws, unread).desired().wire()).isEqualTo("active");
    }
}
