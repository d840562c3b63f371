package io.socialsync.ingest;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Video;
import io.socialsync.library.VideoIntake;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.storage.UploadKeys;
import io.socialsync.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Streams one uploaded file into storage and hands it to the library. The bytes are sniffed (never the name),
 * hashed on the way (by storage) and counted against the limit; a duplicate's copy is removed again.
 */
@Service
public class Uploads {
    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private final Storage storage;
    private final VideoIntake intake;
    private final long maxBytes;

    public Uploads(Storage storage, VideoIntake intake, SocialSyncProperties properties) {
        this.storage = storage;
        this.intake = intake;
        this.maxBytes = properties.ingest().maxUploadBytes();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** What the client said about the file; none of it decides where or as what it is stored. */
    public record Declared(String fileName, String title, String idempotencyKey) {
    }

    public record Stored(StorageKey key, long size, String sha256, String contentType) {
    }

    /** Stores the stream under a fresh key; throws 413/415 problems and leaves nothing behind on failure. */
    public Stored store(long workspaceId, InputStream raw, long declaredLength, Declared declared) throws IOException {
        // pushed back rather than buffered: the rest of the stream then passes through without another copy
        var in = new PushbackInputStream(raw, VideoSniffer.HEAD);
        byte[] head = in.readNBytes(VideoSniffer.HEAD);
        in.unread(head);
        String contentType = VideoSniffer.detect(head, head.length).orElseThrow(() -> new ApiException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not a video",
                "the file's content is not a video container we recognise (" + VideoSniffer.NAMES + ")"));
        StorageKey key = UploadKeys.newKey(workspaceId + "/videos", declared.fileName());
        var counted = new CountingStream(in, maxBytes);
        try {
            var object = storage.put(key, counted, declaredLength, contentType);
            return new Stored(key, object.size(), object.sha256(), contentType);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CountingStream.TooLarge tooLarge) {
                    throw tooLarge(tooLarge.getMessage());
                }
            }
            throw e;
        }
    }

    /** Where a video came from beyond its bytes: the page or file URL and who published it there (URL ingest). */
    public record Origin(Video.Source source, String sourceUrl, String uploader) {
    }

    public VideoIntake.Intake register(long workspaceId, Stored stored, Declared declared, Video.Source source,
                                       Actor actor) {
        return register(workspaceId, stored, declared, new Origin(source, null, null), actor);
    }

    public VideoIntake.Intake register(long workspaceId, Stored stored, Declared declared, Origin origin,
                                       Actor actor) {
        VideoIntake.Intake intakeResult;
        try {
            intakeResult = intake.accept(new Video.New(workspaceId, origin.source(), title(declared),
                    trim(origin.sourceUrl(), 2000), trim(origin.uploader(), 500), safeName(declared.fileName()),
                    stored.key().value(), stored.contentType(), stored.size(), stored.sha256()),
                    declared.idempotencyKey(), actor);
        } catch (RuntimeException | Error e) {
            discard(stored);
            throw e;
        }
        if (!intakeResult.created()) {
            storage.delete(stored.key());
        }
        return intakeResult;
    }

    /** Removes stored bytes that will never become a video; a failure to do so must not hide the first error. */
    public void discard(Stored stored) {
        try {
            storage.delete(stored.key());
        } catch (RuntimeException e) {
            log.warn("could not delete {} after a failed upload: {}", stored.key().value(), e.toString());
        }
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "Upload too large", detail);
    }

    private static String title(Declared declared) {
        if (declared.title() != null && !declared.title().isBlank()) {
            return trim(declared.title().strip(), 500);
        }
        String name = safeName(declared.fileName());
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The base name for display only, control characters removed. */
    public static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return trim(base.replaceAll("\\p{Cntrl}", ""), 500);
    }

    private static String trim(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
