package io.socialsync.web;

import java.util.List;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** A keyset page: pass {@code next_cursor} back as {@code before} for the next (older) page. */
@NullMarked
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    public static <T> Page<T> of(List<T> items, int limit, ToLongFunction<T> id) {
        String next = items.size() == limit && !items.isEmpty()
                ? Long.toString(id.applyAsLong(items.getLast())) : null;
        return new Page<>(items, next);
    }

    /** Clamps a requested page size into [1, max]. */
    public static int limit(Integer requested, int fallback, int max) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 1 || requested > max) {
            throw ApiException.badRequest("limit must be between 1 and " + max);
        }
        return requested;
    }
}
