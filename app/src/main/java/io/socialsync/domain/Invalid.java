package io.socialsync.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The request itself is wrong and nothing was changed. Either a list of field errors (rendered like Bean Validation
 * failures: "Validation failed" and an {@code errors} array, so a caller fixes every field in one round trip) or one
 * title and detail; {@link Kind} keeps the statuses the API has always given (400, 413, 415, 422).
 */
public final class Invalid extends DomainException {
    public enum Kind { BAD_REQUEST, TOO_LARGE, UNSUPPORTED_MEDIA, UNPROCESSABLE }

    public record FieldError(String field, String message) {
    }

    private final Kind kind;
    private final List<FieldError> errors;

    public Invalid(String detail) {
        this(Kind.BAD_REQUEST, "Bad request", detail);
    }

    public Invalid(Kind kind, String title, String detail) {
        super(title, detail);
        this.kind = kind;
        this.errors = List.of();
    }

    public Invalid(List<FieldError> fields) {
        super("Validation failed",
                fields.isEmpty() ? "invalid fields" : fields.getFirst().field() + ": " + fields.getFirst().message());
        this.kind = Kind.BAD_REQUEST;
        this.errors = List.copyOf(fields);
    }

    public static Invalid field(String field, String message) {
        return new Invalid(List.of(new FieldError(field, message)));
    }

    public Kind kind() {
        return kind;
    }

    /** Empty for a plain title-and-detail refusal. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Collects errors, then throws them all at once. */
    public static final class Collector {
        private final List<FieldError> errors = new ArrayList<>();

        public Collector add(String field, String message) {
            errors.add(new FieldError(field, message));
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new Invalid(errors);
            }
        }
    }
}
