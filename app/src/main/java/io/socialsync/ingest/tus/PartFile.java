package io.socialsync.ingest.tus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.security.MessageDigest;
import java.util.UUID;

/**
 * An open .part file, locked for one request until closed ({@link TusFiles#open}): the caller checks the recorded
 * offset under the lock, then writes. A PATCH body streams in through one 64 KiB buffer and is synced before the
 * new offset is recorded, so a recorded offset never points past what is on disk.
 */
record PartFile(UUID id, FileChannel file, FileLock lock) implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    private static final int GONE = -2;

    /** What one PATCH did: bytes kept, whether the client went away mid-body, whether it sent too much. */
    record Appended(long written, boolean interrupted, boolean overflow) {
    }

    /**
     * Writes {@code in} at {@code offset}, at most {@code max} bytes. A body that breaks off keeps what arrived
     * (tus lets the client resume from there) unless {@code digest} is set: a checksum covers the whole chunk.
     */
    Appended append(long offset, InputStream in, long max, MessageDigest digest) throws IOException {
        if (file.size() < offset) {
            throw new IOException("upload " + id + " has lost data: " + file.size() + " bytes on disk, offset " + offset);
        }
        file.truncate(offset); // bytes past the recorded offset were never acknowledged
        file.position(offset);
        byte[] buffer = new byte[BUFFER];
        long written = 0;
        int n = 0;
        while (written < max && (n = read(in, buffer, (int) Math.min(BUFFER, max - written))) > 0) {
            file.write(ByteBuffer.wrap(buffer, 0, n));
            if (digest != null) {
                digest.update(buffer, 0, n);
            }
            written += n;
        }
        boolean interrupted = n == GONE;
        if (written == max && read(in, buffer, 1) > 0) {
            file.truncate(offset);
            return new Appended(0, false, true);
        }
        if (interrupted && digest != null) {
            file.truncate(offset);
            written = 0;
        }
        file.force(false); // on disk before the offset that acknowledges it is recorded
        return new Appended(written, interrupted, false);
    }

    /** What the file holds, synced first so that it stays: a count to acknowledge. */
    long durableSize() throws IOException {
        file.force(false);
        return file.size();
    }

    /** Back to {@code offset}: a chunk that failed its checksum is not kept. */
    void truncate(long offset) throws IOException {
        file.truncate(offset);
        file.force(false);
    }

    @Override
    public void close() throws IOException {
        try (file) {
            lock.release();
        } finally {
            TusFiles.closed(id);
        }
    }

    /** Like {@link InputStream#read}, with {@link #GONE} for a body that broke off (client disconnected). */
    private static int read(InputStream in, byte[] buffer, int length) {
        try {
            return in.read(buffer, 0, length);
        } catch (IOException clientGone) {
            return GONE;
        }
    }
}
