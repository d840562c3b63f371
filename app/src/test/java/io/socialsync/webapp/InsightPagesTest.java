package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.platforms.Platform;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ledger and metrics pages over HTTP with a viewer's session: scoped to the workspace, keyset pages, bad times
 * refused with the API's problem, Verify answered to a viewer (the walk changes nothing).
 */
class InsightPagesTest extends ServerTest {
    private static final String PASSWORD = "insight pages password";
    @Autowired People people;
    @Autowired Workspaces workspaces;
    @Autowired SocialAccountService accounts;
    private WebSession session;
    private long ws;
    private long other;

    @BeforeEach
    void viewer() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ws = workspaces.create("pages " + run).id();
        other = workspaces.create("other " + run).id();
        String email = "viewer-" + run + "@example.com";
        people.create(email, "Vic", PASSWORD, ws, Role.VIEWER, Actor.CLI);
        session = WebSession.logIn(admin.withKey(null), email, PASSWORD);
    }

    @Test
    void theLedgerListsThisWorkspacesEventsNewestFirstInKeysetPages() {
        for (int i = 0; i < LedgerPage.PAGE + 2; i++) {
            account(ws, "mine" + i);
        }
        account(other, "theirs");
        var first = page("/app/ledger?event_type=social_account_created");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body()).contains("mine" + (LedgerPage.PAGE + 1)).doesNotContain("theirs")
                .doesNotContain("&quot;handle&quot;:&quot;mine1&quot;");
        assertThat(rows(first.body())).isEqualTo(LedgerPage.PAGE);
        var older = Pattern.compile("id=\"older\" href=\"([^\"]+)\"").matcher(first.body());
        assertThat(older.find()).isTrue();
        var second = page(older.group(1).replace("&amp;", "&"));
        assertThat(older.group(1)).contains("event_type=social_account_created");
        assertThat(second.body()).contains("&quot;handle&quot;:&quot;mine1&quot;", "&quot;mine0&quot;")
                .doesNotContain("id=\"older\"");
        assertThat(rows(second.body())).isEqualTo(2);

        var narrowed = page("/app/ledger/rows?event_type=social_account_created&actor=user:0");
        assertThat(narrowed.body()).contains("No events.");
        // the actor alone (V40's index, read backwards): the same newest-first page
        var byActor = page("/app/ledger?actor=cli");
        assertThat(rows(byActor.body())).isEqualTo(LedgerPage.PAGE);
        assertThat(byActor.body()).contains("mine" + (LedgerPage.PAGE + 1)).doesNotContain("theirs")
                .doesNotContain("&quot;handle&quot;:&quot;mine1&quot;");
    }

    @Test
    void aBadTimeIsTheApisProblemForScriptsAndAPageForABrowser() {
        var script = session.fragment("/app/ledger/rows?from=yesterday");
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.type()).startsWith("application/problem+json");
        assertThat(script.body()).contains("not a time: yesterday");
        var full = session.page("/app/ledger?to=tomorrow");
        assertThat(full.status()).isEqualTo(400);
        assertThat(full.body()).contains("class=\"problem\"", "not a time: tomorrow");
    }

    @Test
    void aViewerMayVerifyTheChain() {
        var ledger = page("/app/ledger");
        String csrf = "_csrf=" + WebSession.enc(WebSession.csrf(ledger.body()));
        var verified = session.form("/app/ledger/verify", Map.of(), true);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body()).contains("data-intact=\"true\"", "Intact").doesNotContain("<html");
        var withoutScripts = session.post("/app/ledger/verify", csrf);
        assertThat(withoutScripts.status()).isEqualTo(302);
        assertThat(withoutScripts.location()).endsWith("/app/ledger");
        assertThat(page("/app/ledger").body()).as("the page shows the latest result").contains("data-intact=\"true\"");
        assertThat(session.post("/app/ledger/verify", "").status()).as("no CSRF token").isEqualTo(403);
    }

    @Test
    void metricsOfAnEmptyWorkspaceSayWhenTheyCome() {
        var metrics = page("/app/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("No scored posts yet", "No metrics yet").doesNotContain("<svg");
    }

    private void account(long workspace, String handle) {
        accounts.create(workspace, Platform.INSTAGRAM, new AccountChanges(handle, Map.of(), ZoneId.of("UTC"), "t",
                null, null, null, null), Actor.CLI);
    }

    private static int rows(String html) {
        return (int) Pattern.compile("<tr data-event-id=").matcher(html).results().count();
    }

    private WebSession.Page page(String path) {
        return session.page(path);
    }
}
