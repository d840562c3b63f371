package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.support.Api;
import io.socialsync.support.Browsers;
import io.socialsync.support.Eventually;
import io.socialsync.support.Multipart;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestVideos;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The video page's timeline in a real browser: dragging the selected clip's end handle and typing its start fill
 * the re-score form, and the re-scored clip comes back with those bounds (real FFmpeg on a real video).
 */
class ClipEditBrowserTest extends ServerTest {
    private static final String PASSWORD = "clip edit password";
    private static final Duration SLOW = Duration.ofMinutes(4);
    @Autowired People people;
    @Autowired Workspaces workspaces;
    @Autowired ApiKeyService keys;
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void dragAndTypeNewBoundsThenTheClipIsRescoredWithThem() throws Exception {
        assumeTrue(Browsers.available(), Browsers.MISSING);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long ws = workspaces.create("clip edit " + run).id();
        String email = "editor-" + run + "@example.com";
        people.create(email, "Eda", PASSWORD, ws, Role.EDITOR, Actor.CLI);
        Api api = admin.withKey(keys.create(ws, "uploader", Role.EDITOR, Actor.SYSTEM).plainKey());
        long video = api.send(new Multipart().field("title", "Edit me")
                .file("file", "edit.mp4", "video/mp4", TestVideos.bytes(TestVideos.music("clip-edit", 12)))
                .into(api.request("/upload"))).json().get("video").get("id").asLong();
        Eventually.await("video analysed", SLOW,
                () -> api.get("/videos/" + video).json().get("state").asString().equals("READY"));

        browser = Browsers.chrome();
        browser.manage().window().setSize(new Dimension(1280, 900));
        var wait = new WebDriverWait(browser, SLOW, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        Browsers.logIn(browser, "http://localhost:" + port, email, PASSWORD);
        browser.get("http://localhost:" + port + "/app/videos/" + video);
        var end = wait.until(b -> {
            var handle = b.findElement(By.cssSelector(".timeline .handle[data-edge=end]"));
            return handle.isDisplayed() ? handle : null;
        });
        var timeline = browser.findElement(By.cssSelector(".timeline"));
        assertThat(value("end_s")).isEqualTo(12.0);

        new Actions(browser).clickAndHold(end).moveByOffset(-(int) (timeline.getSize().getWidth() * 0.4), 0)
                .release().perform();
        double dragged = value("end_s");
        assertThat(dragged).isBetween(6.5, 8.0);
        var start = browser.findElement(By.id("start_s"));
        start.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1.5");
        // the band follows the typed start: 1.5 s of a 12 s video
        String style = browser.findElement(By.cssSelector(".timeline .band.selected")).getAttribute("style");
        assertThat(Double.parseDouble(style.replaceAll(".*left: ([0-9.]+)%.*", "$1"))).isBetween(12.2, 12.6);
        Browsers.screenshot(browser, "clip-edit");

        browser.findElement(By.cssSelector("#clip-bounds button[type=submit]")).click();
        wait.until(b -> "1.5".equals(b.findElement(By.cssSelector(".timeline .band")).getAttribute("data-start"))
                && b.findElements(By.cssSelector(".rescoring")).isEmpty());
        var band = browser.findElement(By.cssSelector(".timeline .band"));
        assertThat(Double.parseDouble(band.getAttribute("data-end"))).isEqualTo(dragged);
        var clip = api.get("/videos/" + video + "/clips").json().get(0);
        assertThat(clip.get("start_seconds").asDouble()).isEqualTo(1.5);
        assertThat(clip.get("end_seconds").asDouble()).isEqualTo(dragged);
        assertThat(clip.get("rescore_job_id").isNull()).isTrue();
    }

    private double value(String input) {
        return Double.parseDouble(browser.findElement(By.id(input)).getAttribute("value"));
    }
}
