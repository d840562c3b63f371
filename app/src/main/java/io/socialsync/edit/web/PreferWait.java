package io.socialsync.edit.web;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 7240 {@code Prefer: wait=N}: how long a caller will wait for the finished result, capped at {@link #MAX}
 * (a request thread is held meanwhile). Other preferences in the header are ignored; a malformed wait is none.
 */
record PreferWait(Duration duration) {
    static final Duration MAX = Duration.ofMinutes(5);
    private static final Pattern WAIT = Pattern.compile("(?i)(?:^|[,;])\\s*wait\\s*=\\s*\"?(\\d{1,9})\"?\\s*(?=$|[,;])");

    static Optional<PreferWait> of(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var m = WAIT.matcher(header);
        if (!m.find()) {
            return Optional.empty();
        }
        var asked = Duration.ofSeconds(Long.parseLong(m.group(1)));
        return Optional.of(new PreferWait(asked.compareTo(MAX) > 0 ? MAX : asked));
    }

    String applied() {
        return "wait=" + duration.toSeconds();
    }
}
