package io.socialsync.webapp;

import static io.socialsync.webapp.CalendarFixtures.account;
import static io.socialsync.webapp.CalendarFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.scheduling.PublicationLifecycle;
import io.socialsync.support.Browsers;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.web.Role;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calendar in a real browser: a post of a Madrid account shows at 20:00 CET on its day; dragged (pointer events,
 * WebDriver's actions) to another day it moves; dragged into a closed morning hour it snaps back with the reason;
 * an unconfirmed post is settled as posted; a viewer gets no drag or forms and a forged move is a 403 problem.
 * "Now" is 2030-01-07 08:00 UTC, a Monday.
 */
class CalendarBrowserTest extends ClockedServerTest {
    private static final String PASSWORD = "calendar browser password";
    @Autowired
    People people;
    @Autowired
    PublicationLifecycle publications;
    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anEditorDragsPostsAcrossTheWeekAndAViewerOnlyLooks() throws IOException {
        assumeTrue(Browsers.available(), Browsers.MISSING);
        clock.set(START);
        var ws = newWorkspace(Role.EDITOR);
        long madrid = account(ws.api(), "label.madrid", "Europe/Madrid");
        long id = post(ws.api(), jdbc, ws.id(), madrid, "2030-01-08T19:00:00Z"); // Tuesday 20:00 CET
        long unsure = post(ws.api(), jdbc, ws.id(), madrid, "2030-01-09T18:00:00Z"); // Wednesday 19:00 CET
        post(ws.api(), jdbc, ws.id(), madrid, "2030-01-12T21:30:00Z");
        jdbc.sql("UPDATE publications SET state = 'UNCONFIRMED' WHERE workspace_id = ? AND id = ?")
                .params(ws.id(), unsure).update(); // what the watchdog leaves when a platform never answered
        String run = UUID.randomUUID().toString().substring(0, 8);
        people.create("editor-" + run + "@example.com", "Eda", PASSWORD, ws.id(), Role.EDITOR, Actor.CLI);
        people.create("viewer-" + run + "@example.com", "Vic", PASSWORD, ws.id(), Role.VIEWER, Actor.CLI);

        browser = Browsers.chrome();
        browser.manage().window().setSize(new Dimension(1400, 1500)); // the whole day fits: drags stay on screen
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30), Duration.ofMillis(100));
        wait.ignoring(StaleElementReferenceException.class); // htmx redraws the grid after a move
        logIn("editor-" + run + "@example.com");
        String page = base() + "/app/calendar?view=week&date=2030-01-07&account=" + madrid;
        browser.get(page);
        var post = By.cssSelector("article.post[data-post-id='" + id + "']");
        assertThat(cellOf(post)).isEqualTo("2030-01-08 20");
        assertThat(browser.findElement(post).getText()).contains("20:00 CET", "scheduled", "@label.madrid");
        assertThat(browser.findElement(post).getDomAttribute("aria-label"))
                .contains("Tuesday 8 January 2030, 20:00 CET (Europe/Madrid)");
        assertThat(browser.findElement(cell("2030-01-08", 20)).getDomAttribute("class")).contains("open");
        assertThat(browser.findElement(cell("2030-01-08", 10)).getDomAttribute("class")).doesNotContain("open");

        // an unconfirmed post: a person checked the platform and settles it
        var unconfirmed = By.cssSelector("article.post[data-post-id='" + unsure + "']");
        assertThat(browser.findElement(unconfirmed).getText()).contains("19:00 CET", "unconfirmed");
        browser.findElement(unconfirmed).findElement(By.cssSelector("button[value=posted]")).click();
        wait.until(d -> "posted".equals(d.findElement(unconfirmed).getDomAttribute("data-state")));
        assertThat(publications.get(ws.id(), unsure).state()).isEqualTo(PublicationState.POSTED);
        assertThat(browser.findElement(By.cssSelector("p.notice[role=status]")).getText()).contains("posted");

        // drag to Thursday, same hour: moved by the reschedule service
        drag(post, cell("2030-01-10", 20));
        wait.until(d -> "2030-01-10 20".equals(cellOf(post)));
        assertThat(publications.get(ws.id(), id).scheduledFor()).isEqualTo(Instant.parse("2030-01-10T19:00:00Z"));
        assertThat(browser.findElement(By.id("calendar-status")).getText()).startsWith("Moved to 20:00 CET");

        // drag into 10:00, before Instagram's 18:00 window: refused, back where it was, the reason shown
        drag(post, cell("2030-01-11", 10));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
        assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("Not moved: Fri 11 Jan 10:00 CET is "
                + "outside instagram's 18:00–23:00 window (Europe/Madrid); the nearest allowed time is 18:00 CET.");
        assertThat(cellOf(post)).isEqualTo("2030-01-10 20");
        assertThat(browser.findElement(post).getCssValue("transform")).isEqualTo("none");
        assertThat(publications.get(ws.id(), id).scheduledFor()).isEqualTo(Instant.parse("2030-01-10T19:00:00Z"));
        shot("calendar");
        browser.get(base() + "/app/calendar?view=month&date=2030-01-07");
        assertThat(browser.findElement(post).getText()).contains("20:00 CET");
        assertThat(cellOf(post)).isEqualTo("2030-01-10 null");
        shot("calendar-month");

        // the viewer: nothing to drag, no forms, and a forged move (good CSRF token) is refused
        Browsers.logOut(browser);
        logIn("viewer-" + run + "@example.com");
        browser.get(page);
        assertThat(browser.findElement(post).getDomAttribute("data-movable")).isEqualTo("false");
        assertThat(browser.findElements(By.cssSelector("#calendar form"))).isEmpty();
        drag(post, cell("2030-01-09", 20));
        assertThat(cellOf(post)).isEqualTo("2030-01-10 20");
        @SuppressWarnings("unchecked")
        var forged = (Map<String, Object>) browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const meta = n => document.querySelector('meta[name="' + n + '"]').content;
                fetch('/app/calendar/' + arguments[0] + '/move', {method: 'POST', headers: {
                    [meta('csrf-header')]: meta('csrf-token'), 'HX-Request': 'true',
                    'Content-Type': 'application/x-www-form-urlencoded'}, body: 'to=2030-01-09T20:00&span=hour'})
                  .then(async r => done({status: r.status, type: r.headers.get('Content-Type'), body: await r.text()}));
                """, id);
        assertThat(forged.get("status")).isEqualTo(403L);
        assertThat((String) forged.get("type")).startsWith("application/problem+json");
        assertThat((String) forged.get("body")).contains("editor role");
        assertThat(publications.get(ws.id(), id).scheduledFor()).isEqualTo(Instant.parse("2030-01-10T19:00:00Z"));
    }

    /** A real pointer drag: press on the post's time, move a little, then onto the target, release. */
    private void drag(By post, By target) {
        WebElement handle = browser.findElement(post).findElement(By.tagName("time"));
        new Actions(browser).clickAndHold(handle).moveByOffset(8, 8).moveToElement(browser.findElement(target))
                .release().perform();
    }

    private String cellOf(By post) {
        var cell = browser.findElement(post).findElement(By.xpath("ancestor::td[1]"));
        return cell.getDomAttribute("data-day") + " " + cell.getDomAttribute("data-hour");
    }

    private static By cell(String day, int hour) {
        return By.cssSelector("td.cell[data-day='" + day + "'][data-hour='" + hour + "']");
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
