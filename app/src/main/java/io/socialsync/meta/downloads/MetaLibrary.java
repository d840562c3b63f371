package io.socialsync.meta.downloads;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Video;
import io.socialsync.library.VideoIntake;
import io.socialsync.meta.MediaStatus;
import io.socialsync.meta.MetaPost;
import io.socialsync.meta.MetaPosts;
import io.socialsync.meta.PostType;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageException;
import io.socialsync.storage.StorageKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "A downloaded video can be added to the library": the stored file becomes a Video (source meta) through
 * {@link VideoIntake}, which dedupes by content hash. The Video points at the same storage key; no copy is made.
 */
@Service
public class MetaLibrary {
    private final MetaPosts posts;
    private final MediaStates states;
    private final VideoIntake intake;
    private final Storage storage;

    public MetaLibrary(MetaPosts posts, MediaStates states, VideoIntake intake, Storage storage) {
        this.posts = posts;
        this.states = states;
        this.intake = intake;
        this.storage = storage;
    }

    @Transactional
    public VideoIntake.Intake add(long workspaceId, long id, Actor actor) {
        MetaPost post = posts.byId(workspaceId, id).orElseThrow(() -> new NotFound("meta post", id));
        if (post.type() != PostType.VIDEO || post.mediaStatus() != MediaStatus.SUCCESS || post.localKey() == null) {
            throw new Conflict("only a downloaded video can be added to the library; meta post " + id
                    + " is a " + post.type().wire() + " with media_status " + post.mediaStatus().wire());
        }
        // a file found already stored (idempotent re-run) has no hash yet: compute it from the bytes
        String sha256 = post.sha256() != null ? post.sha256() : hash(StorageKey.of(post.localKey()));
        String title = post.message() == null ? null
                : post.message().length() <= 500 ? post.message() : post.message().substring(0, 500);
        var result = intake.accept(new Video.New(workspaceId, Video.Source.meta, title, post.mediaUrl(),
                post.accountId(), post.postId(), post.localKey(), post.contentType(), post.sizeBytes(), sha256),
                "meta-post-" + id, actor);
        states.linkVideo(workspaceId, id, result.video().id(), sha256);
        return result;
    }

    private String hash(StorageKey key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(storage.open(key), digest)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new StorageException("cannot read " + key, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
