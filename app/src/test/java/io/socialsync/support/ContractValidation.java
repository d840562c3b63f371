package io.socialsync.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Every exchange of {@link Api} checked against the running server's own /v3/api-docs (the document committed as
 * docs/openapi.json, see web/OpenApiDocumentTest): the response always, the request when the server accepted it
 * (a test sending a bad request on purpose gets a problem, which is checked). Paths the document does not
 * describe (actuator, the docs themselves) are not checked. {@code -Dsocialsync.contract=off} turns it off.
 */
public final class ContractValidation {
    private static final boolean ON = !"off".equals(System.getProperty("socialsync.contract"));
    private static final int MAX_CHECKED_BODY = 8 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Optional<OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();
    private static final LevelResolver LEVELS = LevelResolver.create()
            .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
            .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
            // a browser's Accept: text/html on an endpoint that answers it with a redirect
            .withLevel("validation.request.accept.notAllowed", ValidationReport.Level.IGNORE)
            .build();

    private ContractValidation() {
    }

    static void check(String baseUrl, HttpRequest request, HttpResponse<String> response) {
        if (!ON || baseUrl == null) {
            return; // a request to another server (a fake provider's page)
        }
        var validator = load(baseUrl);
        if (validator.isEmpty()) {
            return;
        }
        var method = Request.Method.valueOf(request.method());
        String path = request.uri().getRawPath();
        var answered = response(response);
        ValidationReport report;
        if (response.statusCode() >= 400) {
            report = validator.get().validateResponse(path, method, answered);
        } else {
            report = validator.get().validate(request(request, method, path), answered);
        }
        if (report.hasErrors()) {
            throw new AssertionError("the exchange does not match the OpenAPI document: " + request.method() + " "
                    + request.uri().getRawPath() + " -> " + response.statusCode() + "\n"
                    + report.getMessages().stream().map(m -> "  " + m.getKey() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n"))
                    + "\n  response body: " + abbreviate(response.body()));
        }
    }

    /** The validator's complaints about one response, for tests of the validation itself. */
    public static List<String> responseErrors(String baseUrl, String method, String path, int status, String json) {
        var validator = load(baseUrl).orElseThrow();
        var response = new SimpleResponse.Builder(status).withBody(json)
                .withContentType(status >= 400 ? "application/problem+json" : "application/json").build();
        return validator.validateResponse(path, Request.Method.valueOf(method), response).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR).map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
    }

    /** The validator of the server at baseUrl, read once; none where no OpenAPI document is served. */
    static Optional<OpenApiInteractionValidator> load(String baseUrl) {
        return ON ? VALIDATORS.computeIfAbsent(baseUrl, ContractValidation::read) : Optional.empty();
    }

    private static Optional<OpenApiInteractionValidator> read(String baseUrl) {
        try {
            var docs = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/v3/api-docs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (docs.statusCode() != 200) {
                return Optional.empty(); // not the API (a management port, a fake)
            }
            return Optional.of(OpenApiInteractionValidator.createForInlineApiSpecification(docs.body())
                    .withLevelResolver(LEVELS).build());
        } catch (java.io.IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Request request(HttpRequest request, Request.Method method, String path) {
        var builder = new SimpleRequest.Builder(method, path);
        request.headers().map().forEach(builder::withHeader);
        String query = request.uri().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                builder.withQueryParam(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        body(request).ifPresent(builder::withBody);
        return builder.build();
    }

    private static SimpleResponse response(HttpResponse<String> response) {
        var builder = new SimpleResponse.Builder(response.statusCode());
        response.headers().map().forEach(builder::withHeader);
        if (response.body() != null && !response.body().isEmpty()) {
            builder.withBody(response.body());
        }
        return builder.build();
    }

    /** The bytes of a replayable body of known, modest length (JSON, forms); none for streamed uploads. */
    private static Optional<byte[]> body(HttpRequest request) {
        var publisher = request.bodyPublisher().orElse(null);
        if (publisher == null || publisher.contentLength() <= 0 || publisher.contentLength() > MAX_CHECKED_BODY) {
            return Optional.empty();
        }
        var bytes = new java.io.ByteArrayOutputStream();
        var done = new CompletableFuture<byte[]>();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(bytes.toByteArray());
            }
        });
        try {
            return Optional.of(done.get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 600 ? String.valueOf(body) : body.substring(0, 600) + "…";
    }
}
