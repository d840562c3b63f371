package io.socialsync.ingest.tus;

import io.socialsync.config.PrivateFiles;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.ingest.Uploads;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Caller;
import io.socialsync.web.FieldLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The tus 1.0 operations (core, creation, termination, checksum, expiration) on rows of {@link TusUploads} and
 * files of {@link TusFiles}. The upload that receives its last byte is handed to {@link TusCompletion}.
 */
@Service
public class TusService {
    private final TusUploads rows;
    private final TusFiles files;
    private final TusCompletion completion;
    private final Clock clock;
    private final long maxBytes;
    private final Duration expiry;

    public TusService(TusUploads rows, TusFiles files, TusCompletion completion, Clock clock, Uploads uploads,
                      SocialSyncProperties properties) {
        this.rows = rows;
        this.files = files;
        this.completion = completion;
        this.clock = clock;
        this.maxBytes = uploads.maxBytes();
        this.expiry = properties.ingest().tus().expiry();
    }

    public long maxBytes() {
        return maxBytes;
    }

    public TusUpload create(Caller caller, long length, String metadataHeader) throws IOException {
        if (length < 1) {
            throw TusException.badRequest("Upload-Length must be a positive number of bytes");
        }
        if (length > maxBytes) {
            throw new TusException(413, "Upload too large", "Upload-Length " + length + " is over the limit of "
                    + maxBytes + " bytes (Tus-Max-Size)");
        }
        TusMetadata metadata = metadata(metadataHeader);
        if (metadata.title() != null && metadata.title().length() > FieldLimits.TITLE) {
            throw TusException.badRequest("Upload-Metadata title must be at most " + FieldLimits.TITLE + " characters");
        }
        var now = clock.instant();
        var upload = new TusUpload(UUID.randomUUID(), caller.workspaceId(), length, 0, metadataHeader,
                Uploads.safeName(metadata.fileName()), now, now.plus(expiry), null);
        rows.insert(upload, caller.apiKeyId());
        files.create(upload.id());
        return upload;
    }

    /**
     * HEAD. The offset is what the file holds ({@link #settle}); an upload whose bytes all arrived but which did
     * not become a video yet (crash, lost race) completes now.
     */
    public TusUpload status(Caller caller, UUID id) throws IOException {
        TusUpload upload = find(caller, id);
        if (!upload.received()) {
            try (var part = files.open(id)) {
                upload = settle(caller, part, upload);
            } catch (TusFiles.Busy writing) {
                // a PATCH is appending right now and records its own bytes; report what is recorded so far
            } catch (java.nio.file.NoSuchFileException gone) {
                // terminated or swept meanwhile: answer from the row, the next request gets the 404
            }
        }
        if (upload.received() && upload.videoId() == null) {
            completion.complete(upload, Actor.of(caller));
            upload = find(caller, id);
        }
        return upload;
    }

    /** PATCH: one chunk at {@code offset}. @return the upload after it (with its video if this was the last chunk) */
    public TusUpload patch(Caller caller, UUID id, long offset, InputStream body, String checksumHeader)
            throws IOException {
        find(caller, id);
        TusChecksum checksum = checksum(checksumHeader);
        try (var part = open(id)) {
            // read again under the lock: the offset cannot move now
            TusUpload upload = settle(caller, part, find(caller, id));
            if (offset != upload.offset()) {
                throw new TusException(409, "Offset mismatch", "Upload-Offset " + offset + " does not match the "
                        + "upload's offset " + upload.offset() + "; send HEAD to learn where to resume");
            }
            var digest = checksum == null ? null : checksum.newDigest();
            if (checksum != null) {
                markUnverified(id); // a crash before the check below leaves bytes settle must not keep
            }
            var appended = part.append(offset, body, upload.length() - offset, digest);
            if (appended.overflow()) {
                throw new TusException(413, "Upload too large", "the chunk runs past Upload-Length " + upload.length());
            }
            if (checksum != null && !appended.interrupted() && !checksum.matches(digest)) {
                part.truncate(offset);
                Files.deleteIfExists(files.unverified(id));
                throw new TusException(460, "Checksum mismatch", "the chunk's " + checksum.algorithm()
                        + " does not match Upload-Checksum; it was discarded, send it again");
            }
            if (!rows.advance(caller.workspaceId(), id, offset, offset + appended.written())) {
                files.delete(id);
                throw TusException.notFound(id); // terminated meanwhile
            }
            Files.deleteIfExists(files.unverified(id)); // what the file holds is now checked and recorded
        }
        TusUpload after = find(caller, id);
        if (after.received()) {
            completion.complete(after, Actor.of(caller));
            after = find(caller, id);
        }
        return after;
    }

    /**
     * The file is the truth: a PATCH appends in order and records its offset only after its last byte, so bytes
     * on disk past the recorded offset arrived before a crash (or a lost client) cut their PATCH short. They are
     * synced and recorded, and the client resumes after them instead of sending them again. Called under the
     * part file's lock.
     */
    private TusUpload settle(Caller caller, PartFile part, TusUpload upload) throws IOException {
        if (Files.exists(files.unverified(upload.id()))) {
            // a PATCH with Upload-Checksum was cut short: what it wrote was never checked, so it goes
            if (part.file().size() > upload.offset()) {
                part.truncate(upload.offset());
            }
            Files.delete(files.unverified(upload.id()));
            return upload;
        }
        long onDisk = Math.min(part.durableSize(), upload.length());
        if (onDisk <= upload.offset()) {
            return upload; // less on disk is lost data, which the next append reports
        }
        rows.advance(caller.workspaceId(), upload.id(), upload.offset(), onDisk);
        return find(caller, upload.id());
    }

    private void markUnverified(UUID id) throws IOException {
        try {
            Files.createFile(files.unverified(id), PrivateFiles.fileAttributes(files.path(id).getParent()));
        } catch (FileAlreadyExistsException left) {
            // from an earlier PATCH cut short; settle already dropped its bytes
        }
    }

    private PartFile open(UUID id) throws IOException {
        try {
            return files.open(id);
        } catch (TusFiles.Busy busy) {
            throw new TusException(423, "Locked", busy.getMessage());
        } catch (java.nio.file.NoSuchFileException gone) {
            throw TusException.notFound(id);
        }
    }

    /** DELETE (termination): the row and the bytes go; later requests for the id get 404. */
    public void terminate(Caller caller, UUID id) throws IOException {
        find(caller, id);
        rows.delete(caller.workspaceId(), id);
        files.delete(id);
    }

    private TusUpload find(Caller caller, UUID id) {
        return rows.find(caller.workspaceId(), id).filter(u -> u.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> TusException.notFound(id));
    }

    private static TusMetadata metadata(String header) {
        try {
            return TusMetadata.parse(header);
        } catch (IllegalArgumentException e) {
            throw TusException.badRequest(e.getMessage());
        }
    }

    private static TusChecksum checksum(String header) {
        try {
            return TusChecksum.parse(header);
        } catch (IllegalArgumentException e) {
            throw TusException.badRequest(e.getMessage());
        }
    }
}
