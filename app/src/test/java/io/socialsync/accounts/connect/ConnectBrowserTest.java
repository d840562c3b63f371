package io.socialsync.accounts.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socialsync.support.Browsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One full redirect round trip in a real browser (Debian chromium + chromedriver, installed by bin/setup-browser):
 * the connect URL, the platform's consent page, "Allow", the callback, the connected account. A browser cannot send
 * an API key, so it starts through a WireMock proxy that adds the editor's key, standing in for the login session
 * a browser will have.
 */
class ConnectBrowserTest extends ConnectServerTest {
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

        wait.until(ExpectedConditions.urlContains("/social-accounts/connect/tiktok/callback"));
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
}
