package io.socialsync.platforms.meta;

import io.socialsync.platforms.HttpResult;
import java.util.Set;

/**
 * A Graph API error ({@code {"error": {"message", "error_user_msg", "code", "error_subcode", "is_transient"}}}) read
 * once, with the questions every Meta caller asks of it. Publishers, metrics fetchers and the token exchange differ
 * only in what they do with the answers.
 *
 * @param message     Meta's {@code message} ("no message" when absent)
 * @param userMessage {@code error_user_msg}, Meta's sentence for people, falling back to {@code message}
 */
record GraphError(int status, int code, int subcode, String message, String userMessage, boolean isTransient) {
    /** Application, user and page request limits: the call was refused, nothing happened. */
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 613, 80001, 80002);

    static GraphError of(HttpResult.Answered answer) {
        var error = answer.json().path("error");
        String message = error.path("message").asString("no message");
        return new GraphError(answer.status(), error.path("code").asInt(0), error.path("error_subcode").asInt(0),
                message, error.path("error_user_msg").asString(message), error.path("is_transient").asBoolean(false));
    }

    /** The access token is expired, revoked or lacks a session (190, 102, subcodes 460/463/467, HTTP 401). */
    boolean tokenRefused() {
        return code == 190 || code == 102 || subcode == 460 || subcode == 463 || subcode == 467 || status == 401;
    }

    /** Code 100, subcode 33: the object does not exist, or this token may not read it. */
    boolean objectMissing() {
        return code == 100 && subcode == 33;
    }

    /** HTTP 429 or one of Meta's request-limit codes. */
    boolean throttled() {
        return status == 429 || THROTTLED.contains(code);
    }

    /** A 5xx or an error Meta marks {@code is_transient}: the same call may work later. */
    boolean serverTrouble() {
        return status >= 500 || isTransient;
    }

    /** {@code " (Instagram said: <userMessage>; code 190, subcode 463, HTTP 400)"}: appended to our sentences. */
    String said(String who) {
        return said(who, userMessage);
    }

    String said(String who, String text) {
        return " (" + who + " said: " + text + "; code " + code + (subcode != 0 ? ", subcode " + subcode : "")
                + ", HTTP " + status + ")";
    }
}
