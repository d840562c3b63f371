package io.socialsync.storage.web;

import io.socialsync.domain.Forbidden;
import io.socialsync.domain.NotFound;
import io.socialsync.storage.LocalStorage;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.storage.StoredObject;
import io.socialsync.web.Answers;
import io.socialsync.web.ProblemResponses;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves signed local file links ({@link LocalStorage#signedUrl}) to whoever holds one, platforms pulling a
 * video_url included: no API key (auth/SecurityConfig lets /files/ through), the signature is the credential. Supports a
 * single Range, as video players and platform fetchers use. With S3 storage, links point at the bucket instead
 * and this answers 404.
 */
@RestController
class FileController {
    private static final Logger log = LoggerFactory.getLogger(FileController.class);
    private final Storage storage;
    private final Clock clock;

    FileController(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    @GetMapping("/files/{*key}")
    @Answers({200, 206})
    @ApiResponse(responseCode = "416", description = "Range Not Satisfiable", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    void get(@PathVariable String key, @RequestParam(required = false) Long expires,
             @RequestParam(required = false) String sig,
             @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
             HttpServletResponse response) throws IOException {
        String plainKey = key.startsWith("/") ? key.substring(1) : key; // {*key} keeps the leading slash
        if (!(storage instanceof LocalStorage local)) {
            throw new NotFound("file", plainKey);
        }
        if (expires == null || !local.verifySignature(plainKey, expires, sig, clock)) {
            throw new Forbidden("the file link is invalid or has expired");
        }
        StorageKey storageKey = StorageKey.of(plainKey); // we signed it, so it is valid
        StoredObject object = local.stat(storageKey).orElseThrow(() -> new NotFound("file", plainKey));
        headers(response, object);
        if (range == null) {
            response.setContentLengthLong(object.size());
            send(response, local.open(storageKey));
            return;
        }
        ByteRange byteRange = ByteRange.parse(range, object.size());
        if (byteRange == null) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + object.size());
            ProblemResponses.write(response, 416, "Range not satisfiable",
                    "the file has " + object.size() + " bytes; the requested range is outside them");
            return;
        }
        response.setStatus(206);
        response.setHeader(HttpHeaders.CONTENT_RANGE, byteRange.contentRange());
        response.setContentLengthLong(byteRange.length());
        send(response, local.openRange(storageKey, byteRange.start(), byteRange.end()));
    }

    private static void headers(HttpServletResponse response, StoredObject object) {
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setContentType(object.contentType());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, object.lastModified().toEpochMilli());
        // user media served from the API's origin must never be sniffed or run as a page
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    }

    private static void send(HttpServletResponse response, InputStream in) {
        try (in) {
            in.transferTo(response.getOutputStream());
        } catch (IOException e) {
            // mostly a client that hung up mid-video; the response is committed, nothing more to say
            log.debug("file transfer ended early: {}", e.toString());
        }
    }
}
