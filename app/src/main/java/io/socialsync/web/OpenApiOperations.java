package io.socialsync.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Per operation, from its handler: the feature's tag (io.socialsync.FEATURE...), the statuses of {@link Answers},
 * and a description for every parameter the handler left undescribed (the common ones share their meaning).
 */
class OpenApiOperations implements OperationCustomizer {
    private static final String FEATURES = "io.socialsync.";
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("id", "the resource's id"),
            Map.entry("token", "the permanent public link's token (the credential: no key needed)"),
            Map.entry("before", "keyset cursor: the next_cursor of the previous page (older items)"),
            Map.entry("after", "keyset cursor: the next_cursor of the previous page"),
            Map.entry("limit", "page size"),
            Map.entry("Idempotency-Key", "a repeated key returns the first request's result instead of acting twice"),
            Map.entry("Prefer", "RFC 7240 wait=N: answer the finished result within N seconds (at most 300), else 202 as without it"),
            Map.entry("state", "only items in this state"),
            Map.entry("kind", "only jobs of this kind"),
            Map.entry("platform", "only this platform (instagram, facebook, tiktok, youtube)"),
            Map.entry("from", "only items at or after this instant (ISO-8601)"),
            Map.entry("to", "only items before this instant (ISO-8601)"),
            Map.entry("q", "text search in title and original name"),
            Map.entry("source", "only videos from this source (upload, url, meta, ...)"),
            Map.entry("status_fb", "only videos with this Facebook status (the seed's column)"),
            Map.entry("video_id", "only clips of this video"),
            Map.entry("min_score", "only clips scoring at least this (0-100)"),
            Map.entry("entity_type", "only events about this kind of entity (job, video, publication, ...)"),
            Map.entry("entity_id", "only events about this entity (with entity_type)"),
            Map.entry("event_type", "only events of this type"),
            Map.entry("dry_run", "report what would move without moving it"),
            Map.entry("lease_seconds", "how long the claim is held (30-3600)"),
            Map.entry("social_account_id", "only this social account"),
            Map.entry("timezone", "IANA zone for the local times (default: each account's zone)"),
            Map.entry("media_status", "only posts whose media download is in this state"),
            Map.entry("clip_id", "the clip's id"),
            Map.entry("version", "the rules version (0: the built-in defaults)"),
            Map.entry("key", "the stored file's key, as in the signed link"),
            Map.entry("expires", "the link's expiry (epoch seconds), as in the signed link"),
            Map.entry("sig", "the link's signature, as in the signed link"),
            Map.entry("Range", "one byte range (bytes=START-END): 206 with that part, 416 outside the file"),
            Map.entry("since", "only figures collected at or after this instant (ISO-8601)"),
            Map.entry("account_id", "reconnect this social account instead of adding one"),
            Map.entry("Accept", "application/json: the authorization URL as JSON instead of a 302 to it"),
            Map.entry("code", "the platform's authorization code"),
            Map.entry("error", "the platform's error, when the person declined"),
            Map.entry("error_description", "the platform's explanation of error"),
            Map.entry("user_id", "the person's id"),
            Map.entry("hub.mode", "Meta's handshake: subscribe"),
            Map.entry("hub.verify_token", "Meta's handshake: the configured verify token"),
            Map.entry("hub.challenge", "Meta's handshake: echoed back on success"));

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        operation.setTags(List.of(feature(handler.getBeanType())));
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> p.getDescription() == null)
                    .forEach(p -> p.setDescription(PARAMETERS.get(p.getName())));
        }
        var answers = handler.getMethodAnnotation(Answers.class);
        if (answers != null) {
            operation.setResponses(answered(operation.getResponses(), answers.value()));
        }
        return operation;
    }

    static String feature(Class<?> type) {
        String name = type.getPackageName();
        if (!name.startsWith(FEATURES)) {
            return name;
        }
        String rest = name.substring(FEATURES.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ApiResponses answered(ApiResponses documented, int[] codes) {
        var ok = documented == null ? null : documented.get("200");
        Content body = ok == null ? null : ok.getContent();
        var responses = new ApiResponses();
        for (int code : codes) {
            var response = new ApiResponse().description(description(code));
            if (code != 204 && code / 100 != 3 && body != null) {
                response.setContent(body);
            }
            if (code == 201 || code / 100 == 3) {
                response.addHeaderObject("Location", new Header().schema(new StringSchema().format("uri-reference"))
                        .description(code == 201 ? "the created resource" : "where the content is"));
            }
            responses.addApiResponse(Integer.toString(code), response);
        }
        if (documented != null) {
            documented.forEach((code, response) -> {
                if (!code.startsWith("2")) {
                    responses.putIfAbsent(code, response);
                }
            });
        }
        return responses;
    }

    private static String description(int code) {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted: the work runs as a job";
            case 204 -> "No Content";
            case 206 -> "Partial Content (a Range request)";
            case 302 -> "Found: a signed, expiring link to the file";
            case 303 -> "See Other: a flow the web app started goes back to its page";
            default -> Integer.toString(code);
        };
    }
}
