package io.socialsync.platforms;

import io.socialsync.domain.Errors;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The publishers' HTTP client (java.net.http): every exchange ends as an {@link HttpResult}, never a throw. */
@Component
public class PlatformHttp {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpResult send(HttpRequest.Builder request, Duration timeout) {
        try {
            var response = client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return new HttpResult.Answered(response.statusCode(), response.headers(), response.body());
        } catch (ConnectException | HttpConnectTimeoutException refused) {
            // no connection, so no request: the platform cannot have acted on it
            return new HttpResult.NotSent(Errors.oneLine(refused));
        } catch (IOException e) {
            return new HttpResult.NoAnswer(Errors.oneLine(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HttpResult.NoAnswer("interrupted while waiting for the platform");
        }
    }

    /** {@code application/x-www-form-urlencoded}, as the Graph API takes its POST parameters. */
    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        String body = fields.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return HttpRequest.BodyPublishers.ofString(body);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
