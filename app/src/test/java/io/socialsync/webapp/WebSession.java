package io.socialsync.webapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A browser's session without the browser: its cookie jar and the CSRF token of the last page loaded. */
final class WebSession {
    private static final Pattern CSRF = Pattern.compile(
            "(?:name=\"_csrf\" value=\"|name=\"csrf-token\" content=\")([^\"]+)\"");
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrf;

    WebSession(int port) {
        this.base = "http://localhost:" + port;
    }

    record Page(int status, String type, String location, String body) {
    }

    static WebSession loggedIn(int port, String email, String password) {
        var session = new WebSession(port);
        session.page("/login");
        var in = session.post("/login", "username=" + enc(email) + "&password=" + enc(password), false);
        if (in.status() != 302 || in.location().contains("error")) {
            throw new IllegalStateException("login refused: " + in);
        }
        return session;
    }

    /** A full page load (Accept: text/html); remembers the page's CSRF token. */
    Page page(String path) {
        var page = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
        var token = CSRF.matcher(page.body());
        if (token.find()) {
            csrf = token.group(1);
        }
        return page;
    }

    /** A form post with the CSRF token; {@code script}: as htmx or fetch() send it (a problem+json answer). */
    Page post(String path, String form, boolean script) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form + (csrf == null ? "" : "&_csrf=" + enc(csrf))));
        builder.header("Accept", script ? "application/json" : "text/html");
        if (script) {
            builder.header("HX-Request", "true");
        }
        return send(builder);
    }

    /** The same post without the CSRF token. */
    Page forged(String path, String form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
