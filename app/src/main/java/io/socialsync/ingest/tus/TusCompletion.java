package io.socialsync.ingest.tus;

import io.socialsync.domain.DomainException;
import io.socialsync.ingest.Uploads;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Video;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import org.springframework.stereotype.Component;

/**
 * A fully received upload becomes a Video the way POST /upload makes one: sniffed, streamed into storage with its
 * SHA-256, handed to the library (the same content is the same Video), then its .part file goes. Completing twice
 * is harmless: the idempotency key {@code tus-<id>} and the content hash both lead back to the first Video.
 */
@Component
class TusCompletion {
    private final Uploads uploads;
    private final TusUploads rows;
    private final TusFiles files;

    TusCompletion(Uploads uploads, TusUploads rows, TusFiles files) {
        this.uploads = uploads;
        this.rows = rows;
        this.files = files;
    }

    void complete(TusUpload upload, Actor actor) throws IOException {
        var metadata = TusMetadata.parse(upload.metadata());
        var declared = new Uploads.Declared(metadata.fileName(), metadata.title(), "tus-" + upload.id());
        Uploads.Stored stored;
        try (InputStream in = Files.newInputStream(files.path(upload.id()))) {
            stored = uploads.store(upload.workspaceId(), in, upload.length(), declared);
        } catch (DomainException notAVideo) {
            // nothing can make these bytes a video: the upload is over, the client learns why
            rows.delete(upload.workspaceId(), upload.id());
            files.delete(upload.id());
            throw notAVideo;
        }
        var intake = uploads.register(upload.workspaceId(), stored, declared, Video.Source.upload, actor);
        rows.completed(upload.workspaceId(), upload.id(), intake.video().id());
        files.delete(upload.id());
    }
}
