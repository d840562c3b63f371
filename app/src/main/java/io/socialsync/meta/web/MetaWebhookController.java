package io.socialsync.meta.web;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.domain.Unavailable;
import io.socialsync.meta.webhooks.HubSignature;
import io.socialsync.meta.webhooks.MetaWebhookService;
import io.socialsync.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Meta's webhook endpoints (public: auth/SecurityConfig lets /webhook/ through; the signature is the credential). The
 * body is read here as raw bytes, never bound by Spring: the HMAC covers the bytes exactly as sent.
 */
@RestController
@RequestMapping("/webhook")
class MetaWebhookController {
    /** Meta batches up to 1000 changes; a few MB is plenty, and bounds what an unsigned request can make us read. */
    static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    private final MetaWebhookService service;
    private final SocialSyncProperties.Meta settings;

    MetaWebhookController(MetaWebhookService service, SocialSyncProperties properties) {
        this.service = service;
        this.settings = properties.meta();
    }

    @GetMapping({"/instagram", "/facebook"})
    @Operation(summary = "Meta's subscription handshake: echoes hub.challenge when hub.verify_token matches")
    @ApiResponse(responseCode = "200", description = "hub.challenge, echoed",
            content = @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string")))
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
                                  @RequestParam(name = "hub.verify_token", required = false) String token,
                                  @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (blank(settings.verifyToken())) {
            throw notConfigured();
        }
        if (!"subscribe".equals(mode) || challenge == null || !HubSignature.sameToken(settings.verifyToken(), token)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Forbidden",
                    "hub.mode must be subscribe and hub.verify_token must match the configured token");
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).header("X-Content-Type-Options", "nosniff")
                .body(challenge);
    }

    @PostMapping({"/instagram", "/facebook"})
    @Operation(summary = "A Meta event notification, signed with X-Hub-Signature-256; stored before the 200")
    @RequestBody(description = "Meta's notification as Meta sends it: read leniently, fields we do not know kept",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    Map<String, Object> receive(HttpServletRequest request) throws IOException {
        if (blank(settings.appSecret())) {
            throw notConfigured();
        }
        byte[] body = read(request);
        if (!HubSignature.valid(settings.appSecret(), body, request.getHeader("X-Hub-Signature-256"))) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "X-Hub-Signature-256 is missing or does not match the body");
        }
        var received = service.receive(body);
        return Map.of("received", true, "duplicate", received.duplicate());
    }

    private static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            return body;
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Body too large",
                "webhook bodies are limited to " + MAX_BODY_BYTES + " bytes");
    }

    static Unavailable notConfigured() {
        return new Unavailable("Meta webhooks are not configured",
                "set SOCIALSYNC_META_APP_SECRET and SOCIALSYNC_META_VERIFY_TOKEN");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
