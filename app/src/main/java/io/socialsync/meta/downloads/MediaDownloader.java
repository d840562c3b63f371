package io.socialsync.meta.downloads;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.domain.Errors;
import io.socialsync.meta.MetaPost;
import io.socialsync.meta.PostType;
import io.socialsync.meta.downloads.DownloadOutcome.Downloaded;
import io.socialsync.meta.downloads.DownloadOutcome.ErrorType;
import io.socialsync.meta.downloads.DownloadOutcome.Failed;
import io.socialsync.net.BoundedBody;
import io.socialsync.net.UrlGuard;
import io.socialsync.storage.ContentTypes;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageException;
import io.socialsync.storage.StorageKey;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * One attempt at one post's media: reuse an object an earlier run stored, else fetch and stream it to
 * {@code {workspace}/publicaciones_meta/{post_id}.{ext}}. Classifies every failure; writes nothing to the database.
 */
@Component
public class MediaDownloader {
    private final Storage storage;
    private final MediaFetcher fetcher;
    private final SocialSyncProperties.Meta settings;

    public MediaDownloader(Storage storage, MediaFetcher fetcher, SocialSyncProperties properties) {
        this.storage = storage;
        this.fetcher = fetcher;
        this.settings = properties.meta();
    }

    public DownloadOutcome download(MetaPost post) throws InterruptedException {
        String base = MediaKeys.base(post.workspaceId(), post.postId());
        Optional<Downloaded> stored = alreadyStored(base, post.type());
        if (stored.isPresent()) {
            return stored.get();
        }
        try (var response = fetcher.get(post.mediaUrl())) {
            int status = response.status();
            if (status < 200 || status >= 300) {
                return httpFailure(status);
            }
            String declaredType = response.header("Content-Type");
            if (MediaExtensions.notMedia(declaredType)) {
                return new Failed(ErrorType.NOT_MEDIA, "the URL answered " + declaredType
                        + ", not a photo or video", false);
            }
            var key = StorageKey.of(base + "." + MediaExtensions.of(declaredType, post.type()));
            String type = MediaExtensions.baseType(declaredType);
            String contentType = type == null || type.equals("application/octet-stream") ? ContentTypes.of(key) : type;
            var limited = new BoundedBody(response.body(), BoundedBody.deadline(settings.maxTransferTime()),
                    "its time limit").atMost(settings.maxMediaBytes());
            var object = storage.put(key, limited, response.contentLength(), contentType);
            return new Downloaded(key.value(), contentType, object.size(), object.sha256(), false);
        } catch (UrlGuard.Refused e) {
            return new Failed(ErrorType.REFUSED, "media URL refused: " + e.getMessage(), false);
        } catch (IOException | StorageException e) {
            return classify(e);
        }
    }

    /** 4xx is final (an expired CDN link stays expired), except 408 and 429, which mean "later"; 5xx retries. */
    static Failed httpFailure(int status) {
        String message = "the media URL answered HTTP " + status;
        if (status >= 500) {
            return new Failed(ErrorType.HTTP_5XX, message, true);
        }
        return new Failed(ErrorType.HTTP_4XX, message, status == 408 || status == 429);
    }

    static Failed classify(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            switch (t) {
                case BoundedBody.TooLarge tooLarge -> {
                    return new Failed(ErrorType.TOO_LARGE, tooLarge.getMessage(), false);
                }
                case InterruptedIOException timeout -> { // connect, read and pool timeouts all are
                    return new Failed(ErrorType.TIMEOUT, "timed out: " + Errors.oneLine(timeout), true);
                }
                case BoundedBody.TooSlow slow -> {
                    return new Failed(ErrorType.TIMEOUT, slow.getMessage(), true);
                }
                default -> {
                }
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (full(t.getMessage())) {
                return new Failed(ErrorType.STORAGE_FULL, "the storage is full: " + Errors.forUsers(
                        Errors.oneLine(t)), true);
            }
        }
        boolean io = e instanceof IOException || e.getCause() instanceof IOException;
        // a storage failure's message may name a server path: the error is shown by the API
        return new Failed(io ? ErrorType.NETWORK : ErrorType.STORAGE, e.getClass().getSimpleName() + ": "
                + Errors.forUsers(Errors.oneLine(e)), true);
    }

    /** ENOSPC and EDQUOT as the JDK words them, and S3's answer when a bucket's quota is spent. */
    static boolean full(String message) {
        return message != null && (message.contains("No space left on device") || message.contains("Disk quota "
                + "exceeded") || message.contains("QuotaExceeded"));
    }

    private Optional<Downloaded> alreadyStored(String base, PostType type) {
        for (String ext : MediaExtensions.likely(type)) {
            var key = StorageKey.of(base + "." + ext);
            var object = storage.stat(key);
            if (object.isPresent()) {
                String contentType = object.get().contentType() != null ? object.get().contentType() : ContentTypes.of(key);
                return Optional.of(new Downloaded(key.value(), contentType, object.get().size(), null, true));
            }
        }
        return Optional.empty();
    }
}
