package io.socialsync.rules;

/** One platform's part of a rules proposal; a null field keeps the active version's value. */
public record RuleInput(Integer windowStartHour, Integer windowEndHour, Integer minGapMinutes) {
}
