package io.socialsync.platforms;

/**
 * TikTok's FILE_UPLOAD chunking: chunks of 5–64 MB, {@code total_chunk_count = floor(video_size / chunk_size)},
 * the last chunk taking the trailing bytes (so it may be up to twice the size); files under 5 MB go whole.
 */
public record ChunkPlan(long size, long chunkSize, int count) {
    /** MiB, not MB: a chunk of 5 MiB is at least 5 MB under either reading of TikTok's docs. */
    static final long MIN = 5L * 1024 * 1024;
    static final long MAX = 64L * 1000 * 1000;

    public static ChunkPlan of(long size, long configured) {
        if (size < MIN) {
            return new ChunkPlan(size, size, 1);
        }
        long chunk = Math.min(Math.max(configured, MIN), Math.min(MAX, size));
        return new ChunkPlan(size, chunk, (int) Math.max(1, size / chunk));
    }

    public long first(int index) {
        return index * chunkSize;
    }

    public long last(int index) {
        return index == count - 1 ? size - 1 : (index + 1) * chunkSize - 1;
    }

    /** The chunk that starts at {@code offset}, which is always a chunk boundary. */
    public int indexAt(long offset) {
        return (int) Math.min(count - 1, offset / chunkSize);
    }
}
