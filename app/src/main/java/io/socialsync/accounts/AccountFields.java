package io.socialsync.accounts;

import io.socialsync.domain.Invalid;
import io.socialsync.platforms.Platform;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks the fields of an account request, collecting every problem into one 400. */
public final class AccountFields {
    private static final Pattern ID_KEY = Pattern.compile("[a-z][a-z0-9_]{0,49}");
    private static final int MAX_IDS = 10;

    private AccountFields() {
    }

    public static Platform platform(String value, Invalid.Collector errors) {
        var platform = Platform.parse(value);
        if (platform.isEmpty()) {
            errors.add("platform", "must be one of " + Platform.choices());
        }
        return platform.orElse(null);
    }

    /**
     * IANA region ids only ("Europe/Madrid", "UTC"): a fixed offset such as "+02:00" would silently drift by an hour
     * at every DST change, which is exactly the bug windows in local time exist to avoid.
     */
    public static ZoneId timezone(String value, Invalid.Collector errors) {
        if (value == null || !ZoneId.getAvailableZoneIds().contains(value.trim())) {
            errors.add("timezone", "must be an IANA time zone such as Europe/Madrid (got '" + value + "')");
            return null;
        }
        return ZoneId.of(value.trim());
    }

    public static Map<String, String> externalIds(Map<String, String> ids, Invalid.Collector errors) {
        var clean = new LinkedHashMap<String, String>();
        if (ids == null) {
            return clean;
        }
        if (ids.size() > MAX_IDS) {
            errors.add("external_ids", "at most " + MAX_IDS + " entries");
        }
        ids.forEach((key, value) -> {
            if (key == null || !ID_KEY.matcher(key).matches()) {
                errors.add("external_ids", "key '" + key + "' must be lower_snake_case, at most 50 characters");
            } else if (value == null || value.isBlank() || value.length() > 200) {
                errors.add("external_ids." + key, "must be 1 to 200 characters");
            } else {
                clean.put(key, value.trim());
            }
        });
        return clean;
    }

    /** Users switch between active and disabled; needs_reauth is SocialSync's verdict on a refused token. */
    public static AccountStatus status(String value, Invalid.Collector errors) {
        if ("active".equals(value)) {
            return AccountStatus.ACTIVE;
        }
        if ("disabled".equals(value)) {
            return AccountStatus.DISABLED;
        }
        errors.add("status", "must be active or disabled (needs_reauth is set by SocialSync when a platform refuses "
                + "the token)");
        return null;
    }

    static boolean present(String token) {
        return token != null && !token.isBlank();
    }
}
