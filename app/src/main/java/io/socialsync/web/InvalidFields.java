package io.socialsync.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Validation done in code (rules that Bean Validation cannot express, such as "start before end"): rendered by
 * {@link Problems} exactly like annotation failures, a 400 listing each field and what is wrong with it.
 */
public class InvalidFields extends RuntimeException {
    private final List<FieldError> errors;

    public record FieldError(String field, String message) {
    }

    public InvalidFields(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid fields" : errors.getFirst().field() + ": " + errors.getFirst().message());
        this.errors = List.copyOf(errors);
    }

    public static InvalidFields of(String field, String message) {
        return new InvalidFields(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Collects errors, then throws them all at once: a caller fixes every field in one round trip. */
    public static final class Collector {
        private final List<FieldError> errors = new ArrayList<>();

        public Collector add(String field, String message) {
            errors.add(new FieldError(field, message));
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidFields(errors);
            }
        }
    }
}
