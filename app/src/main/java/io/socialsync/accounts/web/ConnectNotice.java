package io.socialsync.accounts.web;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.connect.ConnectResult;
import io.socialsync.domain.DomainException;
import io.socialsync.platforms.Platform;
import java.util.stream.Collectors;

/** A connection's outcome as the sentence the web app's accounts page shows after the platform's consent page. */
final class ConnectNotice {
    /** The flash attribute the web app's pages show as their notice. */
    static final String ATTRIBUTE = "notice";

    private ConnectNotice() {
    }

    static String of(ConnectResult result) {
        return switch (result) {
            case ConnectResult.Connected c when c.accounts().size() == 1 -> "Connected " + handle(c.accounts()
                    .getFirst()) + " (" + name(c.accounts().getFirst().platform()) + ").";
            case ConnectResult.Connected c -> "Connected " + c.accounts().size() + " accounts: " + c.accounts()
                    .stream().map(ConnectNotice::handle).collect(Collectors.joining(", ")) + ".";
            case ConnectResult.Pending p -> name(p.platform()) + " gave access to " + p.candidates().size()
                    + " accounts: pick the ones to connect.";
        };
    }

    static String refused(DomainException e) {
        return "Not connected: " + e.title() + ". " + e.detail();
    }

    private static String handle(SocialAccount a) {
        return "@" + a.handle();
    }

    private static String name(Platform platform) {
        return switch (platform) {
            case INSTAGRAM -> "Instagram";
            case FACEBOOK -> "Facebook";
            case TIKTOK -> "TikTok";
            case YOUTUBE -> "YouTube";
        };
    }
}
