package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.support.Browsers;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestVideos;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The web app in a real browser on the real pipeline: log in, drop a real video on the library (tus, progress to
 * 100%), its clips appear on the timeline, a variant renders and plays; a viewer sees no edit controls and a forged
 * render request is refused. Screenshots of each page go where support/Browsers says.
 */
class WebAppBrowserTest extends ServerTest {
    private static final Duration SLOW = Duration.ofMinutes(4);
    private static final String PASSWORD = "web app password";
    @Autowired
    People people;
    @Autowired
    Workspaces workspaces;
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anEditorUploadsReviewsAndRendersAndAViewerOnlyLooks() throws IOException {
        assumeTrue(Browsers.available(), Browsers.MISSING);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long label = workspaces.create("Label " + run).id();
        long agency = workspaces.create("Agency " + run).id();
        String editor = "editor-" + run + "@example.com";
        String viewer = "viewer-" + run + "@example.com";
        long editorId = people.create(editor, "Eda", PASSWORD, label, Role.EDITOR, Actor.CLI).id();
        people.create(viewer, "Vic", PASSWORD, label, Role.VIEWER, Actor.CLI);
        String link = people.invite(agency, editor, Role.ADMIN, Actor.CLI).link();
        people.accept(link.substring(link.indexOf("token=") + 6), editorId, null, null);

        browser = Browsers.chrome("--autoplay-policy=no-user-gesture-required");
        browser.manage().window().setSize(new Dimension(1280, 900));
        var wait = new WebDriverWait(browser, SLOW, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class); // htmx swaps the lists it polls
        browser.get(base() + "/");
        assertThat(browser.getCurrentUrl()).as("anonymous → login").endsWith("/login");
        shot("login");
        logIn(editor);
        assertThat(browser.getCurrentUrl()).endsWith("/app/library");

        // a person in two workspaces picks one; the label is the first, so it is picked now
        var picker = new Select(browser.findElement(By.id("workspace")));
        assertThat(picker.getOptions()).extracting(WebElement::getText)
                .containsExactly("Label " + run, "Agency " + run);
        picker.selectByVisibleText("Agency " + run);
        browser.findElement(By.cssSelector("form.picker button")).click();
        // the picker posts and a new page loads: read the role there, not on the page being replaced
        wait.until(d -> "admin".equals(d.findElement(By.id("role")).getText()));
        new Select(browser.findElement(By.id("workspace"))).selectByVisibleText("Label " + run);
        browser.findElement(By.cssSelector("form.picker button")).click();
        // the picker posts and a new page loads: read the role there, not on the page being replaced
        wait.until(d -> "editor".equals(d.findElement(By.id("role")).getText()));

        // drop a real video on the drop zone: its bytes go over tus, the bar reaches 100%
        Path video = TestVideos.music("web-app", 20);
        drop(video);
        wait.until(d -> "true".equals(d.findElement(By.id("upload")).getDomAttribute("data-done")));
        assertThat(browser.findElement(By.id("upload-progress")).getDomProperty("value")).isEqualTo("100");
        assertThat(browser.findElement(By.id("upload-percent")).getText()).isEqualTo("100%");
        String videoId = browser.findElement(By.id("upload")).getDomAttribute("data-video-id");
        assertThat(videoId).matches("\\d+");
        // the list refreshes itself (htmx) until the analysis is done
        var row = By.cssSelector("tr[data-video-id='" + videoId + "']");
        wait.until(d -> !d.findElements(row).isEmpty()
                && "READY".equals(d.findElement(row).getDomAttribute("data-state")));
        shot("library");

        browser.findElement(row).findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".timeline .band")));
        var clips = browser.findElements(By.cssSelector("li.clip"));
        assertThat(clips).isNotEmpty();
        assertThat(clips.getFirst().getText()).contains("score").contains("energy");
        assertThat(browser.findElement(By.id("player")).getDomAttribute("src")).contains("/files/");
        var band = browser.findElements(By.cssSelector(".timeline .band")).getLast();
        double start = Double.parseDouble(band.getDomAttribute("data-start"));
        band.click();
        wait.until(d -> seconds("document.getElementById('player').currentTime") >= start);
        shot("video");

        // render one variant, as a random preset with its seed shown
        clips.getFirst().findElement(By.linkText("Variants")).click();
        // the clip's page: on the video page still showing, the loop below would find no boxes and tick none
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("render")));
        for (var box : browser.findElements(By.name("platforms"))) {
            if (box.isSelected() != "tiktok".equals(box.getDomAttribute("value"))) {
                box.click();
            }
        }
        new Select(browser.findElement(By.id("preset"))).selectByValue("random");
        var seed = browser.findElement(By.id("seed"));
        seed.clear();
        seed.sendKeys("4242");
        browser.findElement(By.cssSelector("#render button[type=submit]")).click();
        var ready = By.cssSelector("li.variant[data-state='READY'] video");
        wait.until(d -> !d.findElements(ready).isEmpty()
                || !d.findElements(By.cssSelector("li.variant[data-state='FAILED']")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("li.variant")).getText()).contains("tiktok", "random", "4242")
                .contains("READY");
        String clipPage = browser.getCurrentUrl();
        browser.executeScript("const v = document.querySelector(\"li.variant[data-state='READY'] video\");"
                + "v.muted = true; v.play();");
        wait.until(d -> seconds("document.querySelector(\"li.variant[data-state='READY'] video\").currentTime") > 0.5);
        shot("clip");
        browser.findElement(By.linkText("Jobs")).click();
        var renderJob = By.xpath("//tr[contains(., 'RENDER_VARIANTS')]");
        wait.until(d -> "COMPLETED".equals(d.findElement(renderJob).getDomAttribute("data-state")));
        shot("jobs");

        // the other workspace does not see this one's video
        new Select(browser.findElement(By.id("workspace"))).selectByVisibleText("Agency " + run);
        browser.findElement(By.cssSelector("form.picker button")).click();
        wait.until(d -> "admin".equals(d.findElement(By.id("role")).getText())); // switched before going on
        browser.get(base() + "/app/videos/" + videoId);
        assertThat(browser.findElement(By.cssSelector(".problem")).getText()).contains("404");

        // the viewer: no edit controls, and a forged render request (with a good CSRF token) is a 403 problem
        Browsers.logOut(browser);
        logIn(viewer);
        assertThat(browser.findElements(By.id("dropzone"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("form.by-url"))).isEmpty();
        browser.get(clipPage);
        assertThat(browser.findElements(By.id("render"))).isEmpty();
        assertThat(browser.findElement(By.id("role")).getText()).isEqualTo("viewer");
        shot("viewer-clip");
        @SuppressWarnings("unchecked")
        var forged = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const meta = n => document.querySelector('meta[name="' + n + '"]').content;
                fetch(location.pathname + '/variants', {method: 'POST', headers: {
                    [meta('csrf-header')]: meta('csrf-token'), 'HX-Request': 'true',
                    'Content-Type': 'application/x-www-form-urlencoded'}, body: 'platforms=tiktok&preset=none'})
                  .then(async r => done({status: r.status, type: r.headers.get('Content-Type'), body: await r.text()}));
                """);
        assertThat(forged.get("status")).isEqualTo(403L);
        assertThat((String) forged.get("type")).startsWith("application/problem+json");
        assertThat((String) forged.get("body")).contains("editor role");
        assertThat(browser.findElements(By.cssSelector("li.variant"))).hasSize(1);
        @SuppressWarnings("unchecked")
        var picked = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const meta = n => document.querySelector('meta[name="' + n + '"]').content;
                fetch('/app/workspace', {method: 'POST', headers: {[meta('csrf-header')]: meta('csrf-token'),
                    'Content-Type': 'application/x-www-form-urlencoded'}, body: 'workspace=' + arguments[0]})
                  .then(r => done({status: r.status}));
                """, agency);
        assertThat(picked.get("status")).as("a workspace the viewer is not in").isEqualTo(403L);

        browser.get(base() + "/app/jobs");
        assertThat(browser.findElements(By.xpath("//tr[contains(., 'RENDER_VARIANTS')]"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("#jobs form"))).as("no retry or cancel").isEmpty();
        browser.get(base() + "/app/library");
        browser.findElement(By.id("q")).sendKeys("no such title");
        wait.until(d -> d.findElements(row).isEmpty() && d.findElement(By.id("rows")).getText().contains("No videos"));
        browser.get(base() + "/app/videos/" + Long.MAX_VALUE);
        assertThat(browser.findElement(By.cssSelector(".problem")).getText()).contains("404")
                .contains("video " + Long.MAX_VALUE);
        shot("not-found");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(base() + "/app/library");
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth;"))
                .as("nothing wider than a phone").isLessThanOrEqualTo(390L);
        shot("library-phone");
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private void logIn(String email) {
        Browsers.logIn(browser, base(), email, PASSWORD);
    }

    /** A drop event carrying the file, as a person dragging it from their desktop makes (WebDriver cannot drag files). */
    private void drop(Path file) {
        var input = (WebElement) browser.executeScript("""
                const input = document.createElement('input');
                input.type = 'file'; input.id = 'dragged'; input.style.display = 'none';
                input.onchange = () => {
                  const data = new DataTransfer();
                  data.items.add(input.files[0]);
                  const zone = document.getElementById('dropzone');
                  zone.dispatchEvent(new DragEvent('dragenter', {dataTransfer: data, bubbles: true}));
                  zone.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true}));
                };
                document.body.appendChild(input);
                return input;
                """);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    private double seconds(String script) {
        Object value = browser.executeScript("return " + script + ";");
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    private void shot(String name) throws IOException {
        Browsers.screenshot(browser, name);
    }
}
