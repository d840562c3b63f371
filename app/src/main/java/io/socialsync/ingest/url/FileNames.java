package io.socialsync.ingest.url;

import io.socialsync.net.Fetched;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The name a download had at its source, for display and the stored key's extension: never used as a path. */
final class FileNames {
    private static final Pattern DISPOSITION = Pattern.compile("filename\\s*=\\s*\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private FileNames() {
    }

    static String of(Fetched response) {
        String disposition = response.header("Content-Disposition");
        if (disposition != null) {
            var m = DISPOSITION.matcher(disposition);
            if (m.find()) {
                return m.group(1).strip();
            }
        }
        String path = response.url().getRawPath();
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return null;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return URLDecoder.decode(last, StandardCharsets.UTF_8);
    }
}
