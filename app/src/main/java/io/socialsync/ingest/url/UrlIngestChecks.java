package io.socialsync.ingest.url;

import io.socialsync.domain.Invalid;
import io.socialsync.net.UrlGuard;
import java.net.URI;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * What can be said about a URL before any download: the SSRF guard's verdict (400) and, for a known video site,
 * whether yt-dlp is there to fetch it (422). The job checks again at every connection; this is for quick answers.
 */
@NamedInterface("url-checks")
@Component
public class UrlIngestChecks {
    private final UrlGuard guard;
    private final YtDlp ytDlp;

    public UrlIngestChecks(UrlGuard guard, YtDlp ytDlp) {
        this.guard = guard;
        this.ytDlp = ytDlp;
    }

    public URI check(String url) {
        URI uri;
        try {
            uri = guard.check(url);
        } catch (UrlGuard.Refused refused) {
            throw new Invalid(Invalid.Kind.BAD_REQUEST, "URL refused", refused.getMessage());
        }
        if (VideoSites.isVideoSite(uri.getHost()) && ytDlp.locate().isEmpty()) {
            throw new Invalid(Invalid.Kind.UNPROCESSABLE, "yt-dlp missing", YtDlp.MISSING);
        }
        return uri;
    }
}
