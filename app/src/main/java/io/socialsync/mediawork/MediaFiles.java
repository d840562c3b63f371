package io.socialsync.mediawork;

import io.socialsync.config.PrivateFiles;
import io.socialsync.media.TempDir;
import io.socialsync.node.NodeWork;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageException;
import io.socialsync.storage.StorageKey;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Bridges storage and FFmpeg, which wants files: a local object is read in place; one on S3 is downloaded into
 * the job's work directory, which the job deletes when it ends.
 */
@Component
public class MediaFiles {
    private final Storage storage;
    private final Path workRoot;

    public MediaFiles(Storage storage, NodeWork work) {
        this.storage = storage;
        this.workRoot = work.path();
    }

    /**
     * A fresh work directory in this node's own (under the data directory: same disk as local storage, cheap
     * moves), so a node started after a crash deletes what the crashed one left.
     */
    public TempDir workDir(String prefix) {
        return TempDir.create(workRoot, prefix);
    }

    public Path readable(StorageKey key, TempDir work) {
        var local = storage.localFile(key);
        if (local.isPresent()) {
            return local.get();
        }
        Path copy = work.resolve("source-" + key.name());
        try (var in = storage.open(key); var out = PrivateFiles.newOutputStream(copy)) {
            in.transferTo(out);
            return copy;
        } catch (IOException e) {
            throw new StorageException("cannot download " + key.value() + " for processing", e);
        }
    }
}
