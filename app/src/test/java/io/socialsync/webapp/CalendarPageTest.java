package io.socialsync.webapp;

import static io.socialsync.webapp.CalendarFixtures.account;
import static io.socialsync.webapp.CalendarFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.scheduling.PublicationLifecycle;
import io.socialsync.support.Api;
import io.socialsync.support.ClockedServerTest;
import io.socialsync.web.Role;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * The calendar page over HTTP with a person's session: posts at their account's wall clock with the zone (CET in
 * winter, CEST after the change), a move through the reschedule service, a move into a closed hour refused with
 * that service's reason and nothing changed, a viewer's forged move refused. "Now" is 2030-01-07 08:00 UTC.
 */
class CalendarPageTest extends ClockedServerTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final String PASSWORD = "calendar password";
    @Autowired
    People people;
    @Autowired
    PublicationLifecycle publications;
    private Workspace ws;
    private long madrid;

    @BeforeEach
    void workspaceWithAMadridAccount() {
        clock.set(START);
        ws = newWorkspace(Role.EDITOR);
        madrid = account(ws.api(), "label.madrid", "Europe/Madrid");
    }

    @Test
    void postsShowAtTheirAccountsLocalTimeWithTheZoneAcrossTheDstChange() {
        post(ws.api(), jdbc, ws.id(), madrid, "2030-03-29T19:00:00Z");
        post(ws.api(), jdbc, ws.id(), madrid, "2030-04-01T18:00:00Z");
        var editor = session(Role.EDITOR);

        String month = editor.get("/app/calendar?view=month&date=2030-03-15&account=" + madrid).body();
        assertThat(month).contains("March 2030").contains("Times in Europe/Madrid")
                .contains("20:00 CET").contains("20:00 CEST").contains("instagram 18:00–23:00, 60 min apart");
        String week = editor.get("/app/calendar?date=2030-04-01").body();
        assertThat(week).as("all accounts: the post at its account's wall clock")
                .contains("Week of Mon 1 Apr 2030").contains("20:00 CEST").doesNotContain("20:00 CET<")
                .contains("data-day=\"2030-04-01\" data-hour=\"20\"").contains("data-movable=\"true\"");
    }

    @Test
    void aMoveGoesThroughTheRescheduleServiceAndAMoveIntoAClosedHourIsRefusedWithItsReason() {
        long id = post(ws.api(), jdbc, ws.id(), madrid, "2030-01-08T19:00:00Z"); // 20:00 CET
        var editor = session(Role.EDITOR);
        String token = editor.token("/app/calendar?account=" + madrid);

        var refused = editor.move(token, id, "to=2030-01-09T10:00&span=hour");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).isEqualTo("Wed 9 Jan 10:00 CET is outside "
                + "instagram's 18:00–23:00 window (Europe/Madrid); the nearest allowed time is 18:00 CET.");
        assertThat(scheduledFor(id)).isEqualTo(Instant.parse("2030-01-08T19:00:00Z"));

        var moved = editor.move(token, id, "to=2030-01-10T21:00&span=hour");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("detail").asString()).startsWith("Moved to 21:00 CET");
        assertThat(scheduledFor(id)).isEqualTo(Instant.parse("2030-01-10T20:00:00Z"));

        // from a month: the day changes, the time of day stays, and the deadline is the end of that day
        assertThat(editor.move(token, id, "to=2030-01-11T23:30&span=day").json().path("detail").asString())
                .isEqualTo("Fri 11 Jan 23:30 CET is outside instagram's 18:00–23:00 window (Europe/Madrid); "
                        + "the nearest allowed time is Sat 12 Jan 18:00 CET.");
        assertThat(editor.move(token, id, "to=2030-01-11T21:00&span=day").status()).isEqualTo(200);
        assertThat(scheduledFor(id)).isEqualTo(Instant.parse("2030-01-11T20:00:00Z"));

        // the keyboard's form: back to the calendar, the refusal's reason shown there
        var form = editor.form("/app/calendar/" + id + "/move", "to=2030-01-10T07:30&view=week&account=" + madrid
                + "&_csrf=" + enc(token));
        assertThat(form.status()).isEqualTo(302);
        String back = form.header("Location");
        assertThat(back).contains("/app/calendar?view=week&date=2030-01-10&account=" + madrid);
        assertThat(HtmlUtils.htmlUnescape(editor.get(back.substring(back.indexOf("/app/"))).body()))
                .contains("Not moved: Thu 10 Jan 07:30 CET is outside instagram's 18:00–23:00 window "
                        + "(Europe/Madrid); the nearest allowed time is 18:00 CET.");
        assertThat(scheduledFor(id)).isEqualTo(Instant.parse("2030-01-11T20:00:00Z"));

        // too near another post: the gap, and that post's time, in the account's zone
        post(ws.api(), jdbc, ws.id(), madrid, "2030-01-11T18:00:00Z"); // 19:00 CET
        assertThat(editor.move(token, id, "to=2030-01-11T19:30&span=hour").json().path("detail").asString())
                .isEqualTo("Fri 11 Jan 19:30 CET is within 60 min of another instagram post (19:00 CET); the "
                        + "nearest allowed time is 20:00 CET.");
        assertThat(scheduledFor(id)).isEqualTo(Instant.parse("2030-01-11T20:00:00Z"));
    }

    @Test
    void aViewerSeesNoControlsAndAForgedMoveIsA403Problem() {
        long id = post(ws.api(), jdbc, ws.id(), madrid, "2030-01-08T19:00:00Z");
        var viewer = session(Role.VIEWER);
        String page = viewer.get("/app/calendar?account=" + madrid).body();
        assertThat(page).contains("20:00 CET").contains("data-movable=\"false\"").doesNotContain("class=\"move\"")
                .doesNotContain("Mark posted");
        var forged = viewer.move(viewer.token("/app/calendar"), id, "to=2030-01-09T20:00&span=hour");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
        assertThat(forged.json().path("detail").asString()).contains("editor role");
        assertThat(scheduledFor(id)).isEqualTo(Instant.parse("2030-01-08T19:00:00Z"));
        var settle = viewer.send(viewer.token("/app/calendar"), "/app/calendar/" + id + "/settle", "outcome=failed");
        assertThat(settle.status()).isEqualTo(403);
        assertThat(publications.get(ws.id(), id).state()).isEqualTo(PublicationState.SCHEDULED);
        var otherWorkspace = new Session(admin.withKey(null), login(newWorkspace(Role.EDITOR).id(), Role.EDITOR));
        assertThat(otherWorkspace.move(otherWorkspace.token("/app/calendar"), id, "to=2030-01-09T20:00").status())
                .isEqualTo(404);
    }

    private Instant scheduledFor(long id) {
        return publications.get(ws.id(), id).scheduledFor();
    }

    private Session session(Role role) {
        return new Session(admin.withKey(null), login(ws.id(), role));
    }

    /** Form login as a new member of the workspace: the session cookie. */
    private String login(long workspace, Role role) {
        String email = role.wire() + "-" + UUID.randomUUID() + "@example.com";
        people.create(email, "Cal", PASSWORD, workspace, role, Actor.CLI);
        var browser = admin.withKey(null);
        var page = browser.get("/login");
        String cookie = cookie(page);
        var csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).isTrue();
        var in = browser.send(browser.request("/login").header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(email) + "&password=" + enc(PASSWORD)
                        + "&_csrf=" + enc(csrf.group(1)))));
        assertThat(in.status()).isEqualTo(302);
        return cookie(in);
    }

    private static String cookie(Api.Response response) {
        String set = response.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private record Session(Api browser, String cookie) {
        Api.Response get(String path) {
            return browser.send(browser.request(path).header("Cookie", cookie).header("Accept", "text/html").GET());
        }

        String token(String page) {
            var m = META.matcher(get(page).body());
            assertThat(m.find()).isTrue();
            return m.group(1);
        }

        /** As calendar.js sends a drop: htmx-style, CSRF header, JSON back. */
        Api.Response move(String token, long id, String body) {
            return send(token, "/app/calendar/" + id + "/move", body);
        }

        Api.Response send(String token, String path, String body) {
            return browser.send(browser.request(path).header("Cookie", cookie)
                    .header("X-CSRF-TOKEN", token).header("HX-Request", "true").header("Accept", "application/json")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        Api.Response form(String path, String body) {
            return browser.send(browser.request(path).header("Cookie", cookie).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }
    }
}
