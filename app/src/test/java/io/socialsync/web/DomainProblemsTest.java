package io.socialsync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.DomainException;
import io.socialsync.domain.Forbidden;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.domain.Unavailable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Each domain error gets the status the API gave it when services threw ApiException, and its own title. */
class DomainProblemsTest {
    private final Problems problems = new Problems();

    private ResponseEntity<ProblemDetail> render(DomainException e) {
        return problems.domain(e);
    }

    @Test
    void everyKindHasItsStatusTitleAndDetail() {
        var notFound = render(new NotFound("job", 7)).getBody();
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(notFound.getTitle()).isEqualTo("Not found");
        assertThat(notFound.getDetail()).isEqualTo("job 7 does not exist");
        assertThat(render(new Conflict("job 7 is not waiting to run")).getBody().getStatus()).isEqualTo(409);
        assertThat(render(new Forbidden("needs admin")).getBody().getTitle()).isEqualTo("Forbidden");
        assertThat(render(new Invalid("bad")).getBody()).extracting(ProblemDetail::getStatus, ProblemDetail::getTitle)
                .containsExactly(400, "Bad request");
        assertThat(render(new Invalid(Invalid.Kind.TOO_LARGE, "Upload too large", "x")).getStatusCode().value())
                .isEqualTo(413);
        assertThat(render(new Invalid(Invalid.Kind.UNSUPPORTED_MEDIA, "Not a video", "x")).getStatusCode().value())
                .isEqualTo(415);
        assertThat(render(new Invalid(Invalid.Kind.UNPROCESSABLE, "yt-dlp missing", "x")).getStatusCode().value())
                .isEqualTo(422);
    }

    @Test
    void fieldErrorsAreListedLikeBeanValidationFailures() {
        var body = render(new Invalid(List.of(new Invalid.FieldError("a", "is required"),
                new Invalid.FieldError("b", "too long")))).getBody();
        assertThat(body.getStatus()).isEqualTo(400);
        assertThat(body.getTitle()).isEqualTo("Validation failed");
        assertThat(body.getDetail()).isEqualTo("the request has invalid fields");
        assertThat(body.getProperties()).containsEntry("errors", List.of(
                Map.of("field", "a", "message", "is required"), Map.of("field", "b", "message", "too long")));
    }

    @Test
    void unavailableSaysWhenToRetry() {
        var response = render(new Unavailable("Meta webhooks are not configured", "x", Duration.ofSeconds(30)));
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(render(new Unavailable("Down", "x")).getHeaders().containsHeader("Retry-After")).isFalse();
    }
}
