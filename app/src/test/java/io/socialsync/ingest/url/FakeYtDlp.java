package io.socialsync.ingest.url;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A stand-in for yt-dlp (the test network reaches no video site): it records its arguments, "downloads" a local
 * video to the -o template and prints the JSON line yt-dlp prints with --dump-json.
 */
final class FakeYtDlp {
    private FakeYtDlp() {
    }

    static void install(Path at, Path video) throws IOException {
        String script = """
                #!/bin/sh
                printf '%%s\\n' "$@" > "$0.args"
                out=""; url=""
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -o) out="$2"; shift ;;
                    --) url="$2"; shift ;;
                  esac
                  shift
                done
                echo "[download]  42.0%% of 1.00MiB at 1.00MiB/s ETA 00:01" >&2
                cp '%s' "$(echo "$out" | sed 's/%%(ext)s/mp4/')"
                printf '{"title": "A page title", "uploader": "Some Channel", "duration": 3.0, "webpage_url": "%%s"}\\n' "$url"
                """.formatted(video.toAbsolutePath());
        Files.writeString(at, script);
        Files.setPosixFilePermissions(at, PosixFilePermissions.fromString("rwx------"));
    }
}
