package io.socialsync.publish.web;

import io.socialsync.domain.Invalid;
import io.socialsync.publish.scheduling.ScheduleRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /publishing/schedule/batch}: {@code {"items": [<schedule request>, ...]}}, each item the body of
 * {@code POST /publishing/schedule}. Syntax is checked for every item before anything is scheduled: one malformed
 * item, or more than {@link #MAX_ITEMS}, is a 400 for the whole batch and changes nothing.
 */
public record BatchBody(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ScheduleBody> items) {
    static final int MAX_ITEMS = 500;

    List<ScheduleRequest> validated() {
        if (items == null || items.isEmpty()) {
            throw Invalid.field("items", "is required: 1 to " + MAX_ITEMS + " schedule requests");
        }
        if (items.size() > MAX_ITEMS) {
            throw Invalid.field("items", "at most " + MAX_ITEMS + " schedule requests per batch (got "
                    + items.size() + "): split it into several batches");
        }
        var errors = new Invalid.Collector();
        List<ScheduleRequest> requests = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            if (items.get(i) == null) {
                errors.add(at, "must be a schedule request object");
                continue;
            }
            try {
                requests.add(items.get(i).validated(null));
            } catch (Invalid e) {
                e.errors().forEach(f -> errors.add(at + "." + f.field(), f.message()));
            }
        }
        errors.throwIfAny();
        return requests;
    }
}
