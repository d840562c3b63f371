package io.socialsync.ingest.web;

import io.socialsync.apikey.Caller;
import io.socialsync.apikey.Role;
import io.socialsync.ingest.Uploads;
import io.socialsync.library.Video;
import io.socialsync.library.Videos;
import io.socialsync.library.web.VideoView;
import io.socialsync.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** POST /upload (seed Stakazo): multipart with a {@code file} part, optional {@code title} and {@code dedup_key}. */
@RestController
public class UploadController {
    private final Uploads uploads;
    private final Videos videos;

    public UploadController(Uploads uploads, Videos videos) {
        this.uploads = uploads;
        this.videos = videos;
    }

    public record UploadResponse(VideoView video, Long jobId, boolean duplicate) {
    }

    @PostMapping(path = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a video (streamed); the same content or idempotency key returns the existing video (200)")
    ResponseEntity<UploadResponse> upload(Caller caller, HttpServletRequest request,
                                          @RequestHeader(value = "Idempotency-Key", required = false) String key)
            throws IOException {
        caller.require(Role.EDITOR);
        if (request.getContentLengthLong() > uploads.maxBytes() + 64 * 1024) {
            throw Uploads.tooLarge("the upload is larger than the limit of " + uploads.maxBytes() + " bytes");
        }
        if (key != null) {
            var known = videos.byIdempotencyKey(caller.workspaceId(), key);
            if (known.isPresent()) {
                return ResponseEntity.ok(new UploadResponse(VideoView.of(known.get()), null, true));
            }
        }
        var form = new Form();
        try {
            var items = new JakartaServletFileUpload<>().getItemIterator(request);
            while (items.hasNext()) {
                var item = items.next();
                if (item.isFormField()) {
                    String value = new String(item.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
                    form.field(item.getFieldName(), value);
                } else if ("file".equals(item.getFieldName()) && form.stored == null) {
                    form.fileName = item.getName();
                    try (var in = item.getInputStream()) {
                        form.stored = uploads.store(caller.workspaceId(), in, -1,
                                new Uploads.Declared(form.fileName, null, null));
                    }
                }
            }
        } catch (FileUploadException e) {
            throw ApiException.badRequest("the multipart body could not be read: " + e.getMessage());
        }
        if (form.stored == null) {
            throw ApiException.badRequest("the request has no 'file' part");
        }
        String dedup = key != null ? key : form.dedupKey;
        var intake = uploads.register(caller.workspaceId(), form.stored,
                new Uploads.Declared(form.fileName, form.title, dedup), Video.Source.upload, caller.actor());
        return ResponseEntity.status(intake.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new UploadResponse(VideoView.of(intake.video()), intake.analyseJobId(), !intake.created()));
    }

    /** The parts read so far; fields may come before or after the file. */
    private static final class Form {
        String title;
        String dedupKey;
        String fileName;
        Uploads.Stored stored;

        void field(String name, String value) {
            switch (name) {
                case "title" -> title = value;
                case "dedup_key" -> dedupKey = value.isBlank() ? null : value.strip();
                default -> { }
            }
        }
    }
}
