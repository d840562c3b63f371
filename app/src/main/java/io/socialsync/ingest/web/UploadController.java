package io.socialsync.ingest.web;

import io.socialsync.ingest.Uploads;
import io.socialsync.ingest.multipart.MultipartException;
import io.socialsync.ingest.multipart.MultipartReader;
import io.socialsync.ingest.multipart.Part;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Video;
import io.socialsync.library.VideoIntake;
import io.socialsync.library.web.VideoView;
import io.socialsync.web.Answers;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import io.socialsync.web.FieldLimits;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** POST /upload (seed Stakazo): multipart with a {@code file} part, optional {@code title} and {@code dedup_key}. */
@RestController
public class UploadController {
    /** Enough for any field's longest allowed value in UTF-8; a longer one is refused, not cut. */
    private static final int MAX_FIELD_BYTES = 4 * FieldLimits.TITLE + 1;
    private final Uploads uploads;

    public UploadController(Uploads uploads) {
        this.uploads = uploads;
    }

    @NullMarked
    public record UploadResponse(VideoView video, @Nullable Long jobId, boolean duplicate) {
    }

    /** The form as documented; the handler streams the parts itself (multipart parsing is off in Spring). */
    record UploadForm(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED,
                              description = "the video; fields after it are refused") String file,
                      @Schema(description = "the video's title (default: the file name)") String title,
                      @Schema(description = "same content deduplication key, like Idempotency-Key") String dedupKey) {
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a video (streamed); the same content or idempotency key returns the existing video (200)")
    @Answers({201, 200})
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
            schema = @Schema(implementation = UploadForm.class)))
    ResponseEntity<UploadResponse> upload(Caller caller, HttpServletRequest request,
                                          @RequestHeader(value = "Idempotency-Key", required = false) String key)
            throws IOException {
        caller.require(Role.EDITOR);
        FieldLimits.idempotencyKey("Idempotency-Key", key);
        if (request.getContentLengthLong() > uploads.maxBytes() + 64 * 1024) {
            throw Uploads.tooLarge("the upload is larger than the limit of " + uploads.maxBytes() + " bytes");
        }
        // a repeated key is not answered before the file is read: only its bytes tell a retry (the first video)
        // from another file sent with the same key (422, VideoIntake)
        var form = new Form();
        VideoIntake.Intake intake;
        try {
            read(caller, request, form);
            if (form.stored == null) {
                throw ApiException.badRequest("the request has no 'file' part");
            }
            String dedup = key != null ? key : form.dedupKey;
            intake = uploads.register(caller.workspaceId(), form.stored,
                    new Uploads.Declared(form.fileName, form.title, dedup), Video.Source.upload, Actor.of(caller));
        } catch (IOException | RuntimeException | Error e) {
            // a field after the file, a malformed tail or a failed insert: the stored bytes must not stay behind
            if (form.stored != null) {
                uploads.discard(form.stored);
            }
            throw e;
        }
        return ResponseEntity.status(intake.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new UploadResponse(VideoView.of(intake.video()), intake.analyseJobId(), !intake.created()));
    }

    /** Fields are checked as they arrive: those before the file part are refused before any byte is stored. */
    private void read(Caller caller, HttpServletRequest request, Form form) throws IOException {
        try {
            var parts = MultipartReader.of(request.getContentType(), request.getInputStream());
            for (Part part = parts.next(); part != null; part = parts.next()) {
                if (!part.isFile() && part.name() != null) {
                    form.field(part.name(), new String(part.body().readNBytes(MAX_FIELD_BYTES), StandardCharsets.UTF_8));
                } else if ("file".equals(part.name()) && form.stored == null) {
                    form.fileName = part.fileName();
                    form.stored = uploads.store(caller.workspaceId(), part.body(), -1,
                            new Uploads.Declared(form.fileName, null, null));
                }
            }
        } catch (MultipartException e) {
            throw unreadable(e);
        } catch (RuntimeException e) {
            // a malformed body noticed while storage was reading the file part arrives wrapped
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof MultipartException malformed) {
                    throw unreadable(malformed);
                }
            }
            throw e;
        }
    }

    private static ApiException unreadable(MultipartException e) {
        return ApiException.badRequest("the multipart body could not be read: " + e.getMessage());
    }

    /** The parts read so far; fields may come before or after the file. */
    private static final class Form {
        String title;
        String dedupKey;
        String fileName;
        Uploads.Stored stored;

        void field(String name, String value) {
            switch (name) {
                case "title" -> title = FieldLimits.bounded("title", value.isBlank() ? null : value.strip(),
                        FieldLimits.TITLE);
                case "dedup_key" -> dedupKey = FieldLimits.idempotencyKey("dedup_key",
                        value.isBlank() ? null : value.strip());
                default -> { }
            }
        }
    }
}
