package io.socialsync.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.Api;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** A person's browser session over plain HTTP (form login with CSRF), for page tests that need no browser. */
record WebSession(Api http, String cookie) {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    static WebSession logIn(Api anonymous, String email, String password) {
        var login = anonymous.get("/login");
        String first = cookie(login);
        var in = new WebSession(anonymous, first).post("/login", "username=" + enc(email) + "&password="
                + enc(password) + "&_csrf=" + enc(csrf(login.body())));
        assertThat(in.header("Location")).endsWith("/app/");
        return new WebSession(anonymous, cookie(in));
    }

    /** A full page load: the browser asks for HTML. */
    Api.Response page(String path) {
        return http.send(http.request(path).header("Cookie", cookie).header("Accept", "text/html").GET());
    }

    /** A form post as the browser sends it (the caller adds _csrf when the test wants one). */
    Api.Response post(String path, String form) {
        return http.send(http.request(path).header("Cookie", cookie).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    static String csrf(String html) {
        var m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String cookie(Api.Response response) {
        String set = response.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        return set.substring(0, set.indexOf(';'));
    }
}
