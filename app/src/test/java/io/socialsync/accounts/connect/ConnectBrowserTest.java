package io.socialsync.accounts.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socialsync.accounts.SocialAccountService;
import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.support.Browsers;
import io.socialsync.web.Role;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One full redirect round trip in a real browser (Debian chromium + chromedriver, installed by bin/setup-browser):
 * the connect URL, the platform's consent page, "Allow", the callback, the connected account. A browser cannot send
 * an API key, so it starts through a WireMock proxy that adds the editor's key, standing in for the login session
 * a browser will have; and the same from the web app's Reconnect button, back to its accounts page.
 */
class ConnectBrowserTest extends ConnectServerTest {
    @Autowired People people;
    @Autowired SocialAccountService socialAccounts;
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aPersonConnectsATikTokAccountThroughTheConsentPage() {
        assumeTrue(Browsers.available(), Browsers.MISSING);
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        PROVIDERS.stubFor(get(urlPathEqualTo("/social-accounts/connect/tiktok")).willReturn(aResponse()
                .proxiedFrom("http://localhost:" + port).withAdditionalRequestHeader("X-API-Key", api.key())));

        browser = Browsers.chrome();
        browser.get(providers.base() + "/social-accounts/connect/tiktok?timezone=Europe/Madrid");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("allow")));
        assertThat(browser.getCurrentUrl()).startsWith(providers.base() + "/tiktok/v2/auth/authorize/?")
                .contains("code_challenge_method=S256");
        browser.findElement(By.id("allow")).click();

        // the consent page's own URL names the callback in its redirect_uri: wait for the callback itself
        wait.until(ExpectedConditions.urlMatches("^http://localhost:" + port
                + "/social-accounts/connect/tiktok/callback"));
        assertThat(browser.getCurrentUrl()).startsWith("http://localhost:" + port + "/");
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("\"status\":\"connected\"").contains("\"handle\":\"dancer\"")
                .doesNotContain("act.new");
        var accounts = api.get("/social-accounts?platform=tiktok").json().path("items");
        assertThat(accounts.size()).isEqualTo(1);
        assertThat(accounts.get(0).path("external_ids").path("open_id").asString()).isEqualTo("open-dancer");
        assertThat(accounts.get(0).path("timezone").asString()).isEqualTo("Europe/Madrid");
        assertThat(stored(accounts.get(0).path("id").asLong(), "refresh_token_enc")).isEqualTo("rft.new");
    }

    @Test
    void reconnectingFromTheAccountsPageLandsBackOnItWithWhatHappened() {
        assumeTrue(Browsers.available(), Browsers.MISSING);
        long id = pasted("tiktok", "dancer", Map.of("open_id", "open-dancer"));
        socialAccounts.needsReauth(ws, id, "the platform refused the token", Actor.SYSTEM);
        providers.tiktok("open-dancer", "user.info.basic,video.publish,video.list");
        String email = "ed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        people.create(email, "Ed", "connect browser password", ws, Role.EDITOR, Actor.CLI);

        browser = Browsers.chrome();
        Browsers.logIn(browser, "http://localhost:" + port, email, "connect browser password");
        browser.get("http://localhost:" + port + "/app/accounts");
        browser.findElement(By.cssSelector("form.reconnect button")).click();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("allow"))).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(browser.getCurrentUrl()).isEqualTo("http://localhost:" + port + "/app/accounts");
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Connected @dancer (TikTok).");
        assertThat(browser.findElements(By.cssSelector(".banner.needs-reauth"))).isEmpty();
        assertThat(stored(id, "refresh_token_enc")).isEqualTo("rft.new");
    }
}
