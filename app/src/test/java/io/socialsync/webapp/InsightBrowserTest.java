package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socialsync.accounts.AccountChanges;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.insights.Checkpoint;
import io.socialsync.insights.CollectionStatus;
import io.socialsync.insights.MetricsCollection;
import io.socialsync.insights.MetricsRecorder;
import io.socialsync.learning.Outcomes;
import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.platforms.MetricValue;
import io.socialsync.platforms.Platform;
import io.socialsync.support.Browsers;
import io.socialsync.support.Eventually;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspaces;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The ledger and metrics pages in a real browser, as a viewer: the ledger lists what a person just did, a filter
 * narrows it, Verify walks the chain; a posted publication's metrics are a chart, and its account's heat map puts
 * the post in its local hour (Asia/Kolkata, UTC+05:30: 03:00 UTC is 08:30 there). Screenshots: ledger, metrics.
 */
class InsightBrowserTest extends ServerTest {
    private static final String PASSWORD = "insight password";
    /** A Monday: 03:00 UTC is Monday 08:30 in Kolkata. */
    private static final Instant POSTED = Instant.parse("2030-01-07T03:00:00Z");
    @Autowired People people;
    @Autowired Workspaces workspaces;
    @Autowired SocialAccountService accounts;
    @Autowired MetricsRecorder recorder;
    @Autowired Outcomes outcomes;
    @Autowired JdbcClient jdbc;
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aViewerReadsTheLedgerVerifiesItAndSeesChartsAndLocalHours() throws IOException {
        assumeTrue(Browsers.available(), Browsers.MISSING);
        String run = UUID.randomUUID().toString().substring(0, 8);
        long ws = workspaces.create("Insight " + run).id();
        long editor = people.create("editor-" + run + "@example.com", "Eda", PASSWORD, ws, Role.EDITOR, Actor.CLI).id();
        String viewer = "viewer-" + run + "@example.com";
        people.create(viewer, "Vic", PASSWORD, ws, Role.VIEWER, Actor.CLI);
        // the editor's action: an account in Kolkata's zone (the ledger records it as theirs)
        long account = accounts.create(ws, Platform.INSTAGRAM, new AccountChanges("kolkata" + run, Map.of(),
                ZoneId.of("Asia/Kolkata"), "token", null, null, null, null), Actor.user(editor)).id();
        long publication = posted(ws, account);
        metrics(ws, publication, Checkpoint.H1, 120, 10, 1, 2);
        metrics(ws, publication, Checkpoint.H24, 900, 70, 6, 9);
        metrics(ws, publication, Checkpoint.D7, 1500, 110, 12, 14);
        Eventually.await("the post scored", Duration.ofSeconds(60),
                () -> outcomes.at(ws, publication, "7d").isPresent());

        browser = Browsers.chrome();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class); // htmx swaps the list
        logIn(viewer);

        browser.get(base() + "/app/ledger");
        var created = By.cssSelector("#events tr[data-type='social_account_created']");
        assertThat(browser.findElement(created).getText()).contains("user:" + editor, "social_account " + account);
        assertThat(types()).contains("metrics_collected", "social_account_created");
        new Select(browser.findElement(By.id("event_type"))).selectByValue("metrics_collected");
        wait.until(d -> d.findElements(created).isEmpty());
        assertThat(types()).hasSize(3).containsOnly("metrics_collected");
        new Select(browser.findElement(By.id("event_type"))).selectByValue("");
        browser.findElement(By.id("actor")).sendKeys("user:" + editor);
        browser.findElement(By.cssSelector("form.ledger-filters button[type=submit]")).click();
        wait.until(d -> types().equals(List.of("social_account_created")));
        // the page may already show an earlier walk's result (another test verified the shared chain): wait for
        // htmx to swap in this one's, not for a result that was there before the click
        var earlier = browser.findElement(By.id("verification"));
        browser.findElement(By.id("verify")).click();
        wait.until(ExpectedConditions.stalenessOf(earlier));
        wait.until(d -> "true".equals(d.findElement(By.id("verification")).getDomAttribute("data-intact")));
        assertThat(browser.findElement(By.id("verification")).getText()).contains("Intact", "UTC");
        shot("ledger");

        browser.findElement(By.linkText("Metrics")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".charts")));
        var card = browser.findElement(By.cssSelector("li.chart[data-publication-id='" + publication + "']"));
        var svg = card.findElement(By.tagName("svg"));
        assertThat(svg.getDomAttribute("aria-label"))
                .contains("views: 1h 120 24h 900 7d 1.5k", "likes: 1h 10 24h 70 7d 110", "comments: 1h 2 24h 9 7d 14");
        double views7d = height(card, "views", "7d");
        assertThat(height(card, "views", "1h")).isPositive().isLessThan(height(card, "views", "24h"));
        assertThat(height(card, "views", "24h")).isLessThan(views7d);
        assertThat(card.getText()).contains("@kolkata" + run, "Asia/Kolkata", "2030-01-07 08:30");
        var heat = browser.findElement(By.cssSelector(".heat[data-account-id='" + account + "']"));
        assertThat(heat.findElement(By.tagName("caption")).getText()).contains("Asia/Kolkata (UTC+05:30 now)");
        var cell = heat.findElement(By.cssSelector("td[data-day='Monday'][data-hour='8']"));
        assertThat(cell.getDomAttribute("data-posts")).isEqualTo("1");
        assertThat(cell.getDomAttribute("title")).startsWith("Monday 08:00: 1 post");
        assertThat(heat.findElements(By.cssSelector("td.on"))).as("no other hour has a post").hasSize(1);
        shot("metrics");
    }

    private List<String> types() {
        return browser.findElements(By.cssSelector("#events tr[data-type]")).stream()
                .map(r -> r.getDomAttribute("data-type")).toList();
    }

    private static double height(WebElement card, String metric, String checkpoint) {
        return Double.parseDouble(card.findElement(By.cssSelector(
                "rect[data-metric='" + metric + "'][data-checkpoint='" + checkpoint + "']")).getDomAttribute("height"));
    }

    private long posted(long ws, long account) {
        var t = POSTED.atOffset(ZoneOffset.UTC);
        long video = insert("INSERT INTO videos (workspace_id, source, storage_key, size_bytes, sha256, state, "
                + "created_at, updated_at) VALUES (?, 'UPLOAD', 'videos/x.mp4', 1, ?, 'READY', ?, ?)", ws,
                UUID.randomUUID().toString().replace("-", ""), t, t);
        long clip = insert("INSERT INTO clips (workspace_id, video_id, rank, start_ms, end_ms, score, sub_scores, "
                + "reason, created_at) VALUES (?, ?, 1, 0, 15000, 80, '{}', 'clip', ?)", ws, video, t);
        return insert("INSERT INTO publications (workspace_id, clip_id, social_account_id, platform, state, "
                + "scheduled_for, rules_version, scheduled_by, created_at, updated_at, posted_at, external_id) "
                + "VALUES (?, ?, ?, 'instagram', 'POSTED', ?, 0, 'manual', ?, ?, ?, ?)", ws, clip, account, t, t, t, t,
                "m" + UUID.randomUUID());
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }

    private void metrics(long ws, long publication, Checkpoint c, double views, double likes, double shares,
                         double comments) {
        recorder.record(new MetricsCollection.New(ws, publication, Platform.INSTAGRAM, "m", c,
                CollectionStatus.COLLECTED, null, null, POSTED.plus(c.after()), List.of(
                new MetricValue("views", "views", views), new MetricValue("likes", "likes", likes),
                new MetricValue("shares", "shares", shares), new MetricValue("comments", "comments", comments))),
                Actor.SYSTEM);
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
