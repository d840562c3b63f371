package io.socialsync.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.ledger.Actor;
import io.socialsync.people.People;
import io.socialsync.support.Api;
import io.socialsync.support.ServerTest;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspace;
import io.socialsync.workspace.Workspaces;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Browser sessions for the web app: form login with CSRF, an HttpOnly SameSite=Lax session cookie whose id changes
 * at login (fixation), logout; the API never takes that cookie as a credential. And the OpenAPI document names
 * both credentials.
 */
class BrowserSessionTest extends ServerTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    @Autowired People people;
    @Autowired Workspaces workspaces;

    private static String sessionCookie(Api.Response response) {
        return response.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElse(null);
    }

    private static String id(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private Api.Response form(Api browser, String path, String cookie, String body) {
        return browser.send(browser.request(path).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void formLoginWithCsrfAndAFreshSessionIdThenLogout() {
        String email = "browser-" + UUID.randomUUID() + "@example.com";
        people.create(email, "Bea", "browser password", workspaces.byName(Workspace.DEFAULT_NAME).orElseThrow().id(),
                Role.EDITOR, Actor.CLI);
        var browser = admin.withKey(null);

        var anonymous = browser.get("/app/");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");

        var page = browser.get("/login");
        assertThat(page.status()).isEqualTo(200);
        String cookie = sessionCookie(page);
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        var csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();

        String credentials = "username=" + enc(email) + "&password=" + enc("browser password");
        assertThat(form(browser, "/login", id(cookie), credentials).status()).as("no CSRF token").isEqualTo(403);

        var loggedIn = form(browser, "/login", id(cookie), credentials + "&_csrf=" + enc(csrf.group(1)));
        assertThat(loggedIn.status()).isEqualTo(302);
        assertThat(loggedIn.header("Location")).endsWith("/app/");
        String session = sessionCookie(loggedIn);
        assertThat(session).as("a new session id at login").isNotNull();
        assertThat(id(session)).isNotEqualTo(id(cookie));

        var app = browser.send(browser.request("/app/").header("Cookie", id(session)).GET());
        assertThat(app.status()).isEqualTo(302);
        assertThat(app.header("Location")).endsWith("/app/library");
        var home = browser.send(browser.request("/app/library").header("Cookie", id(session)).GET());
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains(email).contains("Library");
        assertThat(browser.send(browser.request("/jobs").header("Cookie", id(session)).GET()).status())
                .as("the API takes no cookie").isEqualTo(401);

        var wrong = form(browser, "/login", id(cookie), "username=" + enc(email) + "&password=wrong-password&_csrf="
                + enc(csrf.group(1)));
        assertThat(wrong.status()).isIn(302, 403);

        var logoutCsrf = CSRF.matcher(home.body());
        assertThat(logoutCsrf.find()).isTrue();
        var out = form(browser, "/logout", id(session), "_csrf=" + enc(logoutCsrf.group(1)));
        assertThat(out.status()).isEqualTo(302);
        assertThat(browser.send(browser.request("/app/").header("Cookie", id(session)).GET()).status())
                .isEqualTo(302);
    }

    @Test
    void scriptsOfAnEndedSessionGetA401ProblemNotTheLoginPage() {
        var browser = admin.withKey(null);
        var htmx = browser.send(browser.request("/app/library/rows").header("HX-Request", "true")
                .header("Cookie", "JSESSIONID=ended").GET());
        assertThat(htmx.status()).isEqualTo(401);
        assertThat(htmx.header("Content-Type")).startsWith("application/problem+json");
        // (a POST or PATCH of an ended session is refused by the CSRF check first: a 403 problem)
        var tus = browser.send(browser.request("/uploads/tus/some-upload").header("Tus-Resumable", "1.0.0")
                .header("Cookie", "JSESSIONID=ended").HEAD());
        assertThat(tus.status()).isEqualTo(401);
        assertThat(tus.header("Content-Type")).startsWith("application/problem+json");
        assertThat(browser.get("/app/library").header("Location")).as("a page load goes to the form").endsWith("/login");
    }

    @Test
    void theOpenApiDocumentNamesBothCredentials() {
        var schemes = admin.withKey(null).get("/v3/api-docs").json().get("components").get("securitySchemes");
        assertThat(schemes.get("apiKey").get("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.get("apiKeyHeader").get("name").asString()).isEqualTo("X-API-Key");
        assertThat(schemes.get("bearerJwt").get("bearerFormat").asString()).isEqualTo("JWT");
    }
}
