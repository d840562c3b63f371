package io.socialsync.publish.scheduling;

import org.springframework.modulith.NamedInterface;

/**
 * Something a person should know about a slot that is still valid: never a rejection. {@code publicationId} names
 * the other publication the warning is about, when there is one.
 */
@NamedInterface("scheduling")
public record ScheduleWarning(String code, String message, Long publicationId) {
    /** The requested time had passed: planned from now. */
    public static final String PAST = "requested_in_past";
    /** The account must be reconnected before the slot, or the post will fail. */
    public static final String NEEDS_REAUTH = "account_needs_reauth";
    /** Another post of the same account is within twice the platform's gap (see NearPosts). */
    public static final String NEAR_POST = "near_post";
    /** The same clip goes to another account of the same platform within a day (see NearPosts). */
    public static final String SAME_CLIP = "same_clip_same_platform";
    /** The clip's file for the platform is being rendered (queued by this request, or before): see VariantProvision. */
    public static final String VARIANT_RENDERING = "variant_rendering";
    /** The clip has no file for the platform and none can be rendered: the post will fail when due. */
    public static final String VARIANT_MISSING = "variant_missing";

    static ScheduleWarning of(String code, String message) {
        return new ScheduleWarning(code, message, null);
    }
}
