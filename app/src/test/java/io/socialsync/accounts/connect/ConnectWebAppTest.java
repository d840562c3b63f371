package io.socialsync.accounts.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.web.Role;
import io.socialsync.webapp.WebSession;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * Connect and Reconnect from the web app's accounts page: the consent page's redirect back lands on the accounts
 * page with what happened as its notice (connected, accounts to pick, or refused with the reason), not on JSON. A
 * person logged in through the form, the OAuth fakes as the platforms, no browser.
 */
class ConnectWebAppTest extends ConnectServerTest {
    private static final String PASSWORD = "connect web app password";
    private static final Pattern CHECKBOX = Pattern.compile("name=\"external_ids\"\\s+value=\"([^\"]+)\"");
    @Autowired People people;
    private WebSession editor;

    @BeforeEach
    void anEditorLoggedIn() {
        String email = "ed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        people.create(email, "Ed", PASSWORD, ws, Role.EDITOR, Actor.CLI);
        editor = WebSession.logIn("http://localhost:" + port, email, PASSWORD);
    }

    @Test
    void reconnectingFromTheAccountsPageComesBackToItSayingWhatWasConnected() {
        long id = pasted("tiktok", "dancer", Map.of("open_id", "open-dancer"));
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");

        var back = backInBrowser(consent(start("tiktok", Map.of("account_id", String.valueOf(id))), true));
        assertThat(back.status()).as(back.body()).isEqualTo(303);
        assertThat(back.location()).isEqualTo("/app/accounts");
        assertThat(notice(editor.page("/app/accounts").body())).isEqualTo("Connected @dancer (TikTok).");
        assertThat(stored(id, "refresh_token_enc")).isEqualTo("rft.new");
        assertThat(accountCount()).isEqualTo(1);
        assertThat(editor.page("/app/accounts").body()).as("a notice is shown once").doesNotContain("id=\"notice\"");
    }

    @Test
    void aRefusedConsentComesBackWithTheReasonAndConnectsNothing() {
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");

        var back = backInBrowser(consent(start("tiktok", Map.of("timezone", "Europe/Madrid")), false));
        assertThat(back.status()).isEqualTo(303);
        assertThat(notice(editor.page("/app/accounts").body())).startsWith("Not connected: Consent denied. TikTok "
                + "says the permission request was declined").contains("video.publish");
        assertThat(accountCount()).isZero();
    }

    @Test
    void aConsentReachingSeveralAccountsComesBackToPickThemOnThePage() {
        providers.meta(FakeProviders.INSTAGRAM_SCOPES.split(","));

        var back = backInBrowser(consent(start("instagram", Map.of("timezone", "Europe/Madrid")), true));
        assertThat(back.status()).isEqualTo(303);
        assertThat(back.location()).matches("/app/accounts\\?connection=\\d+");
        String page = editor.page(back.location()).body();
        assertThat(notice(page)).isEqualTo("Instagram gave access to 2 accounts: pick the ones to connect.");
        assertThat(page).contains("@stakazo").contains("@second");
        var boxes = CHECKBOX.matcher(page);
        assertThat(boxes.find()).isTrue();
        String first = boxes.group(1);
        assertThat(accountCount()).as("nothing connected before the pick").isZero();

        var picked = editor.form(back.location().replace("/app/accounts?connection=", "/app/accounts/connections/"),
                Map.of("external_ids", first), false);
        assertThat(picked.status()).as(picked.body()).isEqualTo(302);
        assertThat(notice(editor.page("/app/accounts").body())).matches("Connected @(stakazo|second)\\.");
        assertThat(accountCount()).isEqualTo(1);
    }

    @Test
    void aFlowTheApiStartedStillAnswersJson() {
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        var answer = callback(consent(start("tiktok", "timezone=UTC"), true));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).isEqualTo("connected");
    }

    /** The accounts page's Connect or Reconnect button: the platform's consent URL it redirects to. */
    private String start(String platform, Map<String, String> form) {
        var started = editor.form("/app/accounts/connect/" + platform, form, false);
        assertThat(started.status()).as(started.body()).isEqualTo(302);
        assertThat(started.location()).startsWith(providers.base());
        return started.location();
    }

    /** The platform's redirect back, in the browser that started the flow (its cookies, its session). */
    private WebSession.Page backInBrowser(String url) {
        return editor.page(url.substring(url.indexOf("/social-accounts/")));
    }

    private static String notice(String page) {
        var m = Pattern.compile("<p id=\"notice\"[^>]*>([^<]*)</p>").matcher(page);
        assertThat(m.find()).as("a notice on " + page).isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }
}
