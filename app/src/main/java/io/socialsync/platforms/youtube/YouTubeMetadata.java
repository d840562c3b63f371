package io.socialsync.platforms.youtube;

import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.PlatformSettings;
import io.socialsync.platforms.PublishTarget;
import java.nio.charset.StandardCharsets;

/** The video resource sent when a resumable session starts: title ≤100 characters, description ≤5000 bytes. */
final class YouTubeMetadata {
    private YouTubeMetadata() {
    }

    static String json(PublishTarget t, PlatformSettings.YouTube settings) {
        String caption = t.captionOrEmpty().strip();
        String firstLine = caption.lines().findFirst().orElse("").strip();
        String title = firstLine.isEmpty() ? "Video " + t.publicationId() : cut(firstLine, 100);
        var body = HttpResult.JSON.createObjectNode();
        body.putObject("snippet").put("title", title).put("description", cutBytes(caption, 5000));
        body.putObject("status").put("privacyStatus", settings.privacyStatus())
                .put("selfDeclaredMadeForKids", settings.madeForKids());
        return HttpResult.JSON.writeValueAsString(body);
    }

    private static String cut(String s, int chars) {
        return s.codePointCount(0, s.length()) <= chars ? s : s.substring(0, s.offsetByCodePoints(0, chars));
    }

    /** Whole code points only: a description cut inside a UTF-8 sequence would be refused. */
    private static String cutBytes(String s, int bytes) {
        var out = new StringBuilder();
        int used = 0;
        for (int cp : s.codePoints().toArray()) {
            int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + n > bytes) {
                break;
            }
            used += n;
            out.appendCodePoint(cp);
        }
        return out.toString();
    }
}
