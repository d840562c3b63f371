package io.socialsync.webapp;

import io.socialsync.library.Variant;

/** A variant as the clip page shows it: its preset and seed, state, the render's progress, its file's link. */
public record VariantCard(long id, String format, String preset, long seed, String state, String size, String error,
                   String file, Progress.Step step, String warnings) {

    static VariantCard of(Variant v, String file, Progress.Step step) {
        String size = v.width() == null ? "" : v.width() + "×" + v.height();
        return new VariantCard(v.id(), v.format(), v.preset(), v.seed(), v.state().name(), size, v.error(), file,
                v.state() == Variant.State.PENDING ? step : null, v.warnings());
    }

    public boolean pending() {
        return state.equals(Variant.State.PENDING.name());
    }

    public String downloadName() {
        return "variant-" + id + "-" + format + ".mp4";
    }
}
