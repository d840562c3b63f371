package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser, for the web app's fast tests: logs in through the form (session cookie, CSRF token)
 * and sends page loads (Accept: text/html), htmx requests (HX-Request) and form posts with the page's CSRF token.
 * Redirects are not followed, so a test sees them. Public for the features' own web-app round trips (the OAuth
 * connect flow's return to the accounts page).
 */
public final class WebSession {
    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_ANY = Pattern.compile(
            "(?:name=\"_csrf\" value=\"|name=\"csrf-token\" content=\")([^\"]+)\"");
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    public record Page(int status, String body, String type, String location) {
    }

    private WebSession(String base) {
        this.base = base;
    }

    /** Not logged in: for the public pages (invitation, password reset). */
    WebSession(int port) {
        this("http://localhost:" + port);
    }

    public static WebSession logIn(String base, String email, String password) {
        var session = new WebSession(base);
        var login = session.page("/login");
        var token = CSRF_INPUT.matcher(login.body());
        assertThat(token.find()).as("the login form's CSRF field").isTrue();
        session.csrf = token.group(1);
        var done = session.form("/login", Map.of("username", email, "password", password), false);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.location()).doesNotContain("error");
        session.page("/app/library"); // a fresh CSRF token for the new session
        return session;
    }

    public Page page(String path) {
        var answer = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
        var meta = CSRF_ANY.matcher(answer.body());
        if (meta.find()) {
            csrf = meta.group(1);
        }
        return answer;
    }

    static WebSession logIn(io.socialsync.support.Api anonymous, String email, String password) {
        return logIn(anonymous.baseUrl(), email, password);
    }

    static WebSession loggedIn(int port, String email, String password) {
        return logIn("http://localhost:" + port, email, password);
    }

    /** An encoded form ({@code a=1&b=2}) posted with the CSRF token; {@code script}: as htmx or fetch() send it. */
    Page post(String path, String form, boolean script) {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf)));
        return send(script ? request.header("HX-Request", "true").header("Accept", "application/json")
                : request.header("Accept", "text/html"));
    }

    /** A form sent exactly as given (the test adds {@code _csrf} or leaves it out), as a full page load. */
    Page post(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A GET as htmx sends it: a fragment, or a problem+json answer. */
    Page fragment(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET());
    }

    /** The CSRF token of a form on {@code html}. */
    static String csrf(String html) {
        var token = CSRF_ANY.matcher(html);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    /** The same post without the CSRF token. */
    Page forged(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A form post as the browser sends it (a full page load), or as htmx does ({@code htmx}). */
    public Page form(String path, Map<String, String> fields, boolean htmx) {
        var all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (htmx) {
            request.header("HX-Request", "true").header("Accept", "*/*");
        } else {
            request.header("Accept", "text/html");
        }
        return send(request);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
