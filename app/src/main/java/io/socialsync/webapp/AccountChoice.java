package io.socialsync.webapp;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.platforms.CaptionLimit;

/**
 * An account in the schedule form's picker, with what the page's script needs to check a caption as it is typed
 * (the limits scheduling enforces, {@link CaptionLimit}) and to name the zone a typed time is read in.
 */
public record AccountChoice(long id, String label, String platform, String zone, String status, int maxLength,
                            boolean bytes, Integer maxHashtags) {

    static AccountChoice of(SocialAccount a) {
        var limit = CaptionLimit.of(a.platform());
        return new AccountChoice(a.id(), "@" + a.handle() + " · " + a.platform().wire() + " · " + a.timezone().getId(),
                a.platform().wire(), a.timezone().getId(), a.status().wire(), limit.maxLength(), limit.bytes(),
                limit.maxHashtags());
    }

    /** Whether a variant of this format is made for this account's platform (instagram_reel → instagram). */
    boolean fits(String format) {
        return format.startsWith(platform);
    }
}
