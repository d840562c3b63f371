package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.people.WorkspaceMembers;
import io.socialsync.rules.RulesService;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings and public account pages over HTTP, without a browser: each role sees and may do what the API lets
 * it, a forged post by a lower role is a 403 problem, bad input a 400 problem naming the field, and neither
 * changes anything.
 */
class SettingsPagesTest extends io.socialsync.support.ServerTest {
    private static final String PASSWORD = "settings password";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    @Autowired People people;
    @Autowired Workspaces workspaces;
    @Autowired RulesService rules;
    @Autowired ApiKeyService keys;
    @Autowired WorkspaceMembers members;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private long ws;
    private String run;

    @BeforeEach
    void workspace() {
        run = UUID.randomUUID().toString().substring(0, 8);
        ws = workspaces.create("Settings " + run).id();
    }

    private WebSession as(Role role) {
        String email = role.wire() + "-" + run + "@example.com";
        people.create(email, role.wire(), PASSWORD, ws, role, Actor.CLI);
        return WebSession.loggedIn(port, email, PASSWORD);
    }

    private static void refused(WebSession.Page page, int status, String detail) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.type()).startsWith("application/problem+json");
        assertThat(JSON.readTree(page.body()).get("detail").asString()).contains(detail);
    }

    @Test
    void aViewerSeesNoEditControlsAndForgedPostsAreRefused() {
        var viewer = as(Role.VIEWER);
        var page = viewer.page("/app/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Version 0").contains("id=\"rules-read\"").doesNotContain("id=\"rules\"")
                .doesNotContain("/app/settings/api-keys");
        assertThat(viewer.page("/app/settings/webhooks").body()).doesNotContain("id=\"add-webhook\"");
        assertThat(viewer.page("/app/settings/members").body()).contains("viewer-" + run)
                .doesNotContain("id=\"invite\"").doesNotContain("/role\"");
        var keysPage = viewer.page("/app/settings/api-keys");
        assertThat(keysPage.status()).isEqualTo(403);
        assertThat(keysPage.body()).contains("admin role");

        refused(viewer.post("/app/settings/rules", "instagram.window_start_hour=9", true), 403, "editor role");
        refused(viewer.post("/app/settings/api-keys", "name=forged&role=admin", true), 403, "admin role");
        refused(viewer.post("/app/settings/members/invitations", "email=x-" + run + "@example.com&role=admin", true),
                403, "admin role");
        refused(viewer.post("/app/settings/webhooks", "url=https://example.com/hook", true), 403, "editor role");
        assertThat(rules.active(ws).version()).isZero();
        assertThat(keys.list(ws)).isEmpty();

        var editor = as(Role.EDITOR);
        editor.page("/app/settings");
        refused(editor.post("/app/settings/api-keys", "name=forged&role=admin", true), 403, "admin role");
        long viewerId = members.members(Caller.person(ws, 0L, Role.ADMIN), ws).stream()
                .filter(m -> m.role() == Role.VIEWER).findFirst().orElseThrow().userId();
        refused(editor.post("/app/settings/members/" + viewerId + "/role", "role=admin", true), 403, "admin role");
        refused(editor.post("/app/settings/members/" + viewerId + "/remove", "", true), 403, "admin role");
        assertThat(keys.list(ws)).isEmpty();

        assertThat(viewer.forged("/app/settings/rules", "instagram.window_start_hour=9").status())
                .as("no CSRF token").isEqualTo(403);
    }

    @Test
    void badInputIsA400ProblemNamingTheFieldAndChangesNothing() {
        var admin = as(Role.ADMIN);
        admin.page("/app/settings");
        var notNumber = admin.post("/app/settings/rules", "instagram.window_start_hour=nine", true);
        refused(notNumber, 400, "invalid fields");
        assertThat(notNumber.body()).contains("rules.instagram.window_start_hour").contains("whole number");
        var backwards = admin.post("/app/settings/rules", "tiktok.window_start_hour=20&tiktok.window_end_hour=8", true);
        assertThat(backwards.body()).contains("rules.tiktok.window_end_hour");
        assertThat(rules.active(ws).version()).isZero();
        var page = admin.post("/app/settings/rules", "youtube.min_gap_minutes=-5", false);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.type()).startsWith("text/html");
        assertThat(page.body()).contains("rules.youtube.min_gap_minutes: must be between 0");

        refused(admin.post("/app/settings/api-keys", "name=%20&role=owner", true), 400, "invalid fields");
        assertThat(admin.post("/app/settings/api-keys", "name=ok&role=owner", true).body()).contains("\"role\"");
        refused(admin.post("/app/settings/members/invitations", "email=not-an-email&role=editor", true), 400, "");
        refused(admin.post("/app/settings/webhooks", "url=ftp://example.com/hook", true), 400, "url");
        assertThat(keys.list(ws)).isEmpty();

        var saved = admin.post("/app/settings/rules", "instagram.window_start_hour=9&instagram.window_end_hour=12", false);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(rules.active(ws).version()).isEqualTo(1);
        assertThat(admin.page("/app/settings").body()).contains("Version 1, saved").contains("Saved version 1");
        assertThat(admin.page("/app/settings").body()).as("the notice shows once").doesNotContain("Saved version 1");
    }

    @Test
    void aNewKeyIsShownInTheAnswerToItsPostAndNeverAgain() {
        var admin = as(Role.ADMIN);
        admin.page("/app/settings/api-keys");
        var created = admin.post("/app/settings/api-keys", "name=once&role=editor", false);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        var secret = java.util.regex.Pattern.compile("id=\"secret\"[^>]*>([^<]+)<").matcher(created.body());
        assertThat(secret.find()).as(created.body()).isTrue();
        assertThat(keys.authenticate(secret.group(1))).isPresent();
        // nothing waits in the session for a later load, whichever page comes next
        assertThat(admin.page("/app/library").body()).doesNotContain(secret.group(1));
        assertThat(admin.page("/app/settings/api-keys").body()).contains("once").doesNotContain("id=\"secret\"")
                .doesNotContain(secret.group(1));
        assertThat(keys.list(ws)).hasSize(1);
    }

    @Test
    void aSignedInPersonJoinsByTheLinkAndTheSessionMovesToTheWorkspace() {
        long home = workspaces.create("Home " + run).id();
        String email = "joiner-" + run + "@example.com";
        people.create(email, "Jo", PASSWORD, home, Role.ADMIN, Actor.CLI);
        String link = people.invite(ws, email, Role.VIEWER, Actor.CLI).link();
        String path = link.substring(link.indexOf("/app/"));
        var session = WebSession.loggedIn(port, email, PASSWORD);
        long tokensBefore = refreshTokens(email);
        var offer = session.page(path);
        assertThat(offer.body()).contains("id=\"join\"").contains("Settings " + run).doesNotContain("id=\"accept\"");
        var joined = session.post("/app/invitations/accept", "token=" + path.substring(path.indexOf("token=") + 6),
                false);
        assertThat(joined.status()).as(joined.body()).isEqualTo(302);
        assertThat(joined.location()).endsWith("/app/library");
        assertThat(members.members(Caller.person(ws, 0L, Role.ADMIN), ws))
                .anySatisfy(m -> assertThat(m.email()).isEqualTo(email));
        assertThat(session.page("/app/settings").body()).contains("<span id=\"role\">viewer</span>");
        assertThat(refreshTokens(email)).as("the browser's session needs no API token").isEqualTo(tokensBefore);
    }

    @Test
    void anInviteeWhoCreatesAnAccountInTheBrowserGetsASessionButNoApiToken() {
        String email = "newcomer-" + run + "@example.com";
        String link = people.invite(ws, email, Role.EDITOR, Actor.CLI).link();
        var anonymous = new WebSession(port);
        anonymous.page(link.substring(link.indexOf("/app/")));
        var joined = anonymous.post("/app/invitations/accept", "token=" + link.substring(link.indexOf("token=") + 6)
                + "&display_name=New&password=long+enough+words&password_again=long+enough+words", false);
        assertThat(joined.status()).as(joined.body()).isEqualTo(302);
        assertThat(anonymous.page("/app/settings").body()).contains("<span id=\"role\">editor</span>");
        assertThat(refreshTokens(email)).isZero();
    }

    private long refreshTokens(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM refresh_tokens r JOIN users u ON u.id = r.user_id WHERE u.email_key = ?")
                .param(email.toLowerCase(java.util.Locale.ROOT)).query(Long.class).single();
    }

    @Test
    void publicPagesRefuseBadLinksOnTheFormAndNeedTheCsrfToken() {
        var anonymous = new WebSession(port);
        var unknown = anonymous.page("/app/invitations/accept?token=no-such-token");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("unknown, already used or expired");
        var accept = anonymous.post("/app/invitations/accept",
                "token=no-such-token&display_name=X&password=long+enough&password_again=long+enough", false);
        assertThat(accept.status()).isEqualTo(404);
        assertThat(accept.body()).contains("invitation");

        assertThat(anonymous.page("/app/password-reset/confirm?token=nope").status()).isEqualTo(200);
        var mismatch = anonymous.post("/app/password-reset/confirm",
                "token=nope&password=long+enough&password_again=other+words", false);
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.body()).contains("password again does not match");
        var expired = anonymous.post("/app/password-reset/confirm",
                "token=nope&password=long+enough&password_again=long+enough", false);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body()).contains("unknown, used or expired").contains("Ask for a new link");
        assertThat(anonymous.forged("/app/password-reset", "email=a@example.com").status()).isEqualTo(403);
        anonymous.page("/app/password-reset");
        var sent = anonymous.post("/app/password-reset", "email=nobody-" + run + "@example.com", false);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body()).contains("If an account has this address");
    }
}
