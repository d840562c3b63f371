package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.platforms.Platform;
import io.socialsync.support.Browsers;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Scheduling in a real browser: from a READY variant on its clip's page to the next free slot of an account in New
 * York, shown in that zone before and after confirming; a caption over Instagram's limit is flagged while typing
 * and refused by the server; the accounts page's needs_reauth banner offers a Reconnect that starts the connect
 * flow. Screenshots: schedule.png and accounts.png (support/Browsers says where).
 */
class ScheduleBrowserTest extends ServerTest {
    private static final String PASSWORD = "schedule browser password";
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    @Autowired
    People people;
    @Autowired
    Workspaces workspaces;
    @Autowired
    SocialAccountService accounts;
    @Autowired
    JdbcClient jdbc;
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anEditorSchedulesAVariantAtTheNextFreeSlotAndSeesAnAccountToReconnect() throws IOException {
        assumeTrue(Browsers.available(), Browsers.MISSING);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long ws = workspaces.create("Label " + run).id();
        String editor = "editor-" + run + "@example.com";
        people.create(editor, "Eda", PASSWORD, ws, Role.EDITOR, Actor.CLI);
        account(ws, Platform.TIKTOK, "label.paris", ZoneId.of("Europe/Paris"));
        long instagram = account(ws, Platform.INSTAGRAM, "label.ny", NEW_YORK);
        long stale = account(ws, Platform.FACEBOOK, "label.page", ZoneId.of("Europe/London"));
        accounts.needsReauth(ws, stale, "Facebook refused the Page token (code 190): log in again", Actor.SYSTEM);
        long clip = clip(ws);
        long variant = variant(ws, clip);

        browser = Browsers.chrome();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
        logIn(editor);

        // from the variant on its clip's page: the Instagram account fits the instagram_reel variant
        browser.get(base() + "/app/clips/" + clip);
        browser.findElement(By.cssSelector("li.variant[data-variant-id='" + variant + "'] a.schedule-variant")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("schedule")));
        assertThat(browser.findElement(By.cssSelector("#account option:checked")).getDomAttribute("value"))
                .isEqualTo(String.valueOf(instagram));
        assertThat(browser.findElement(By.cssSelector("#variant option:checked")).getDomAttribute("value"))
                .isEqualTo(String.valueOf(variant));
        assertThat(browser.findElement(By.id("zone")).getText()).isEqualTo("America/New_York");

        // a caption over Instagram's 2200 characters: flagged while typing, and the server refuses it too
        var caption = browser.findElement(By.id("caption"));
        browser.executeScript("arguments[0].value = 'x'.repeat(2195);", caption);
        caption.sendKeys("#launch");
        var status = browser.findElement(By.id("caption-status"));
        wait.until(d -> status.getText().contains("too long"));
        assertThat(status.getText()).isEqualTo("Caption too long for instagram: 2202 of at most 2200 characters");
        assertThat(caption.getDomAttribute("aria-invalid")).isEqualTo("true");
        browser.findElement(By.id("check")).click();
        var flash = browser.findElement(By.id("flash"));
        wait.until(d -> flash.isDisplayed());
        assertThat(flash.getText()).isEqualTo("caption: is 2202 characters: instagram takes at most 2200 characters");
        assertThat(browser.findElements(By.id("confirm"))).isEmpty();

        caption.clear();
        caption.sendKeys("New single out now #music #newmusic");
        wait.until(d -> status.getText().equals("35 / 2200 characters · 2 / 30 hashtags"));
        assertThat(caption.getDomAttribute("aria-invalid")).isEqualTo("false");
        assertThat(browser.findElement(By.cssSelector("input[name=when][value=next]")).isSelected()).isTrue();
        browser.findElement(By.id("check")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
        String planned = browser.findElement(By.id("slot")).getText();
        assertThat(planned).endsWith("(America/New_York)");
        wait.until(d -> !flash.isDisplayed()); // the earlier refusal no longer applies
        browser.manage().window().setSize(new Dimension(1280, 1250));
        shot("schedule");

        // another time makes the plan stale: it goes, and comes back with a check
        browser.findElement(By.cssSelector("input[name=when][value=at]")).click();
        assertThat(browser.findElements(By.id("confirm"))).isEmpty();
        browser.findElement(By.cssSelector("input[name=when][value=next]")).click();
        browser.findElement(By.id("check")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth;"))
                .as("nothing wider than a phone").isLessThanOrEqualTo(390L);
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("scheduled")));
        long publication = Long.parseLong(browser.findElement(By.id("scheduled"))
                .getDomAttribute("data-publication-id"));
        Instant slot = jdbc.sql("SELECT scheduled_for FROM publications WHERE id = ? AND workspace_id = ?")
                .params(publication, ws).query(OffsetDateTime.class).single().toInstant();
        assertThat(browser.findElement(By.id("when")).getText()).isEqualTo(ZonedTime.of(slot, NEW_YORK).text())
                .isEqualTo(planned);
        assertThat(browser.findElement(By.id("scheduled")).getText()).contains("@label.ny", "instagram",
                "New single out now #music #newmusic");

        // the accounts page: zones, token states, budgets, and a banner for the account to reconnect
        browser.manage().window().setSize(new Dimension(1280, 800));
        browser.findElement(By.linkText("Accounts")).click();
        // the accounts page, not the scheduled post's page still showing: only it has the banner
        var banner = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".banner.needs-reauth")));
        assertThat(banner.getText()).contains("@label.page", "facebook", "code 190");
        var reconnect = banner.findElement(By.cssSelector("form.reconnect"));
        assertThat(reconnect.getDomAttribute("action")).isEqualTo("/app/accounts/connect/facebook");
        assertThat(reconnect.getDomAttribute("method")).isEqualTo("post");
        assertThat(reconnect.findElement(By.name("account_id")).getDomAttribute("value"))
                .isEqualTo(String.valueOf(stale));
        var row = browser.findElement(By.cssSelector("tr[data-account-id='" + instagram + "']"));
        assertThat(row.getText()).contains("@label.ny", "instagram", "America/New_York", "valid", "0 of 100 in 24 h");
        assertThat(browser.findElement(By.cssSelector("tr[data-account-id='" + stale + "']")).getText())
                .contains("needs_reauth", "0 of 30 in 24 h");
        assertThat(browser.findElements(By.cssSelector(".connect form"))).hasSize(Platform.values().length);
        // no OAuth client is configured in this test: each Connect button is off and says what to set
        var connectTikTok = browser.findElement(By.cssSelector(".connect form[data-platform=tiktok] button"));
        assertThat(connectTikTok.isEnabled()).isFalse();
        assertThat(browser.findElement(By.id(connectTikTok.getDomAttribute("aria-describedby"))).getText())
                .contains("SOCIALSYNC_TIKTOK_CLIENT_KEY");
        shot("accounts");
        // Reconnect reaches the flow, which refuses for the same reason
        reconnect.findElement(By.tagName("button")).click();
        // the POST's answer: the accounts page still showing has no problem to read
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".problem"))).getText())
                .contains("409");
    }

    private long account(long ws, Platform platform, String handle, ZoneId zone) {
        return accounts.create(ws, platform, new AccountChanges(handle, Map.of(), zone, "token", null, null, null,
                null), Actor.SYSTEM).id();
    }

    private long clip(long ws) {
        var created = OffsetDateTime.now(ZoneOffset.UTC);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, title, created_at, "
                        + "updated_at) VALUES (?, 'UPLOAD', 'videos/x.mp4', 1, ?, 'READY', 'Single', ?, ?)")
                .params(ws, UUID.randomUUID().toString().replace("-", ""), created, created).update(keys, "id");
        long video = keys.getKey().longValue();
        keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, reason, "
                        + "created_at) VALUES (?, ?, 1, 0, 15000, 80, '{}', 'the chorus', ?)")
                .params(ws, video, created).update(keys, "id");
        return keys.getKey().longValue();
    }

    private long variant(long ws, long clip) {
        var created = OffsetDateTime.now(ZoneOffset.UTC);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO variants (workspace_id, clip_id, format, preset, preset_params, seed, state, width, "
                        + "height, created_at, updated_at) VALUES (?, ?, 'instagram_reel', 'none', '{}', 42, 'READY', "
                        + "1080, 1920, ?, ?)")
                .params(ws, clip, created, created).update(keys, "id");
        return keys.getKey().longValue();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void logIn(String email) {
        Browsers.logIn(browser, base(), email, PASSWORD);
    }

    private void shot(String name) throws IOException {
        Browsers.screenshot(browser, name);
    }
}
