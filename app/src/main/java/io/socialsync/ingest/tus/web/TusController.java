package io.socialsync.ingest.tus.web;

import io.socialsync.ingest.tus.TusException;
import io.socialsync.ingest.tus.TusService;
import io.socialsync.ingest.tus.TusUpload;
import io.socialsync.web.Answers;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/** Resumable uploads, tus 1.0 (core, creation, termination, checksum, expiration); see TusProtocolFilter too. */
@RestController
@RequestMapping("/uploads/tus")
public class TusController {
    static final String OCTETS = "application/offset+octet-stream";
    private static final String RESUMABLE = "the tus version: " + TusProtocolFilter.VERSION;
    private final TusService tus;
    private final String publicUrl;

    /** {@code SOCIALSYNC_PUBLIC_URL}, when set, names this server in Location; otherwise the request does. */
    public TusController(TusService tus, org.springframework.core.env.Environment env) {
        this.tus = tus;
        String base = env.getProperty("SOCIALSYNC_PUBLIC_URL", "").strip();
        this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    @Operation(summary = "tus discovery: version, extensions, maximum size")
    @Answers(204)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent().header("Tus-Version", TusProtocolFilter.VERSION)
                .header("Tus-Extension", "creation,termination,checksum,expiration")
                .header("Tus-Checksum-Algorithm", "sha1,sha256")
                .header("Tus-Max-Size", Long.toString(tus.maxBytes())).build();
    }

    @PostMapping
    @Operation(summary = "tus creation: Upload-Length and Upload-Metadata (filename, filetype) → 201 Location")
    @Answers(201)
    @Parameter(in = ParameterIn.HEADER, name = "Tus-Resumable", required = true, description = RESUMABLE,
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.HEADER, name = "Upload-Length", required = true,
            description = "the file's size in bytes", schema = @Schema(type = "integer", format = "int64"))
    @Parameter(in = ParameterIn.HEADER, name = "Upload-Metadata", description = "comma-separated KEY BASE64VALUE "
            + "pairs: filename, filetype", schema = @Schema(type = "string"))
    ResponseEntity<Void> create(Caller caller, HttpServletRequest request) throws IOException {
        caller.require(Role.EDITOR);
        long length = TusHeaders.number(request, "Upload-Length");
        TusUpload upload = tus.create(caller, length, request.getHeader("Upload-Metadata"));
        return ResponseEntity.status(201)
                .header(HttpHeaders.LOCATION, base(request) + "/uploads/tus/" + upload.id())
                .headers(TusHeaders.of(upload)).build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    @Operation(summary = "tus: the upload's offset (where to resume); its video once complete")
    @Parameter(in = ParameterIn.HEADER, name = "Tus-Resumable", required = true, description = RESUMABLE,
            schema = @Schema(type = "string"))
    ResponseEntity<Void> head(Caller caller, @PathVariable String id, HttpServletRequest request) throws IOException {
        caller.require(Role.EDITOR);
        TusUpload upload = tus.status(caller, uuid(id));
        var response = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Upload-Length", Long.toString(upload.length())).headers(TusHeaders.of(upload));
        if (upload.metadata() != null) {
            response.header("Upload-Metadata", upload.metadata());
        }
        return response.build();
    }

    @PatchMapping("/{id}")
    @Operation(summary = "tus: append a chunk at Upload-Offset (Content-Type application/offset+octet-stream)")
    @Answers(204)
    @Parameter(in = ParameterIn.HEADER, name = "Tus-Resumable", required = true, description = RESUMABLE,
            schema = @Schema(type = "string"))
    @Parameter(in = ParameterIn.HEADER, name = "Upload-Offset", required = true, description = "where this chunk "
            + "starts: the offset HEAD answered", schema = @Schema(type = "integer", format = "int64"))
    @Parameter(in = ParameterIn.HEADER, name = "Upload-Checksum", description = "ALGORITHM BASE64DIGEST of the chunk "
            + "(sha1, sha256); a mismatch is 460 and the chunk is dropped", schema = @Schema(type = "string"))
    @RequestBody(content = @Content(mediaType = "application/offset+octet-stream",
            schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<Void> patch(Caller caller, @PathVariable String id, HttpServletRequest request) throws IOException {
        caller.require(Role.EDITOR);
        String type = request.getContentType();
        if (type == null || !type.strip().toLowerCase(java.util.Locale.ROOT).startsWith(OCTETS)) {
            throw new TusException(415, "Unsupported media type", "PATCH bodies must be " + OCTETS);
        }
        long offset = TusHeaders.number(request, "Upload-Offset");
        TusUpload upload = tus.patch(caller, uuid(id), offset, request.getInputStream(),
                request.getHeader("Upload-Checksum"));
        return ResponseEntity.noContent().headers(TusHeaders.of(upload)).build();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "tus termination: the upload and its bytes are deleted")
    @Answers(204)
    @Parameter(in = ParameterIn.HEADER, name = "Tus-Resumable", required = true, description = RESUMABLE,
            schema = @Schema(type = "string"))
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) throws IOException {
        caller.require(Role.EDITOR);
        tus.terminate(caller, uuid(id));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(TusException.class)
    ResponseEntity<ProblemDetail> tusError(TusException e) {
        var problem = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatusCode.valueOf(e.status()),
                io.socialsync.domain.Errors.forUsers(e.getMessage()));
        problem.setTitle(e.title());
        return ResponseEntity.status(e.status()).body(problem);
    }

    /** Absolute, as tus clients and RFC 9110 expect: some clients do not resolve a relative Location. */
    private String base(HttpServletRequest request) {
        if (!publicUrl.isEmpty()) {
            return publicUrl;
        }
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .build().toUriString();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new TusException(404, "Not found", "upload " + id + " does not exist");
        }
    }
}
