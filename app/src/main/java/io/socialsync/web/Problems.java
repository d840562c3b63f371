package io.socialsync.web;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.DomainException;
import io.socialsync.domain.Errors;
import io.socialsync.domain.Forbidden;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.domain.Unavailable;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** Every error leaves as application/problem+json (RFC 9457); validation errors list their fields. */
@RestControllerAdvice
public class Problems extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(Problems.class);
    private final WireNames wire;

    Problems() {
        this(WireNames.JAVA);
    }

    @Autowired
    Problems(JsonMapper json) {
        this(WireNames.of(json));
    }

    private Problems(WireNames wire) {
        this.wire = wire;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        var response = ResponseEntity.status(e.status());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, ProblemResponses.REALM);
        }
        return response.body(problem(e.status(), e.title(), e.getMessage()));
    }

    /** The one place feature errors get their HTTP status. */
    @ExceptionHandler(DomainException.class)
    public ResponseEntity<ProblemDetail> domain(DomainException e) {
        if (e instanceof Invalid invalid && !invalid.errors().isEmpty()) {
            return fields(invalid.errors().stream()
                    .map(f -> Map.of("field", f.field(), "message", f.message())).toList());
        }
        var status = switch (e) {
            case NotFound n -> HttpStatus.NOT_FOUND;
            case Conflict c -> HttpStatus.CONFLICT;
            case Forbidden f -> HttpStatus.FORBIDDEN;
            case Unavailable u -> HttpStatus.SERVICE_UNAVAILABLE;
            case Invalid i -> switch (i.kind()) {
                case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
                case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
                case UNSUPPORTED_MEDIA -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            };
        };
        var response = ResponseEntity.status(status);
        if (e instanceof Unavailable u) {
            u.retryAfter().ifPresent(d -> response.header(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, d.toSeconds()))));
        }
        return response.body(problem(status, e.title(), e.detail()));
    }

    /** Some details quote an exception (a multipart or storage IOException) that may name a server path. */
    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, Errors.forUsers(detail));
        problem.setTitle(title);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return fields(List.of(Map.of("field", e.getName(), "message", "invalid value '" + e.getValue() + "'")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        return fields(e.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage())).toList());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled error", e);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "an unexpected error occurred; it has been logged");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> Map.of("field", wire.path(f.getField()), "message", String.valueOf(f.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(fields(errors).getBody());
    }

    /** An unknown property is named with its path (rules.instagram.windowStartHour) and the known ones. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null ? "" : unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ", " (known: ", ")"));
            var response = fields(List.of(Map.of("field", UnknownProperties.path(unknown),
                    "message", "unknown property" + known)));
            response.getBody().setDetail("the request has unknown property '" + unknown.getPropertyName() + "'");
            return ResponseEntity.badRequest().body(response.getBody());
        }
        return super.handleHttpMessageNotReadable(ex, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> fields(List<Map<String, String>> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request has invalid fields");
        problem.setTitle("Validation failed");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }
}
