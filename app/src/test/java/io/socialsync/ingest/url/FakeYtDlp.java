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

    /**
     * A stand-in that fetches like yt-dlp, on its own and through its {@code --proxy} when given one: the page,
     * whose body is the media URL an extractor would find there, then the media (following redirects).
     */
    static void installFetching(Path at) throws IOException {
        String script = """
                #!/bin/sh
                out=""; url=""; proxy=""
                while [ $# -gt 0 ]; do
                  case "$1" in
                    -o) out="$2"; shift ;;
                    --proxy) proxy="$2"; shift ;;
                    --) url="$2"; shift ;;
                  esac
                  shift
                done
                media=$(curl -sS -f --proxy "$proxy" "$url") || { echo "ERROR: page $url" >&2; exit 1; }
                curl -sS -f -L --proxy "$proxy" -o "$(echo "$out" | sed 's/%(ext)s/mp4/')" "$media" \
                  || { echo "ERROR: media $media" >&2; exit 1; }
                printf '{"title": "Fetched", "duration": 3.0}\n'
                """;
        Files.writeString(at, script);
        Files.setPosixFilePermissions(at, PosixFilePermissions.fromString("rwx------"));
    }
}
