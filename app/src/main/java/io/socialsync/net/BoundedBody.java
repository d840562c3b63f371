package io.socialsync.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * A download body bounded in total time (checked between reads, which stops a server that trickles bytes; a read
 * that blocks outright ends at the socket read timeout), optionally in size, optionally reporting how much it has
 * read (at most every 500 ms).
 */
public final class BoundedBody extends FilterInputStream {
    private static final long REPORT_EVERY = 500_000_000L;
    private final long deadlineNanos;
    private final String timeLimit;
    private long maxBytes = Long.MAX_VALUE;
    private LongConsumer progress = count -> { };
    private long count;
    private long lastReport = System.nanoTime() - REPORT_EVERY - 1; // the first read reports

    /**
     * @param deadlineNanos  on the {@link System#nanoTime()} scale
     * @param timeLimit      what the limit is called in the {@link TooSlow} message, e.g. its setting
     */
    public BoundedBody(InputStream in, long deadlineNanos, String timeLimit) {
        super(in);
        this.deadlineNanos = deadlineNanos;
        this.timeLimit = timeLimit;
    }

    public static long deadline(Duration maxTime) {
        return System.nanoTime() + maxTime.toNanos();
    }

    public BoundedBody atMost(long bytes) {
        this.maxBytes = bytes;
        return this;
    }

    /** @param progress given the bytes read so far */
    public BoundedBody reporting(LongConsumer progress) {
        this.progress = progress;
        return this;
    }

    public static final class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("the media is larger than the limit of " + limit + " bytes");
        }
    }

    public static final class TooSlow extends IOException {
        TooSlow(String timeLimit) {
            super("the download took longer than " + timeLimit);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new TooSlow(timeLimit);
        }
        int n = super.read(buffer, offset, length);
        if (n > 0 && (count += n) > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        long now = System.nanoTime();
        if (n > 0 && now - lastReport > REPORT_EVERY) {
            lastReport = now;
            progress.accept(count);
        }
        return n;
    }
}
