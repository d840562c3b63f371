package io.socialsync.accounts.connect;

import io.socialsync.domain.Invalid;
import io.socialsync.platforms.Platform;

/** The connect flow's sentences: platforms as people name them, refusals as 400 problems. */
final class ConnectText {
    private ConnectText() {
    }

    static String name(Platform platform) {
        return switch (platform) {
            case INSTAGRAM -> "Instagram";
            case FACEBOOK -> "Facebook";
            case TIKTOK -> "TikTok";
            case YOUTUBE -> "YouTube";
        };
    }

    static Invalid refused(String title, String detail) {
        return new Invalid(Invalid.Kind.BAD_REQUEST, title, detail);
    }

}
