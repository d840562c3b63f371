package io.socialsync.meta;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds one download's body: its size, and its total time (checked between reads, which stops a server that
 * trickles bytes; a read that blocks outright ends at the socket timeout, socialsync.meta.download-timeout).
 */
final class TransferLimits extends FilterInputStream {
    private final long maxBytes;
    private final long deadlineNanos;
    private long count;

    TransferLimits(InputStream in, long maxBytes, java.time.Duration maxTime) {
        super(in);
        this.maxBytes = maxBytes;
        this.deadlineNanos = System.nanoTime() + maxTime.toNanos();
    }

    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the media is larger than the limit of " + limit + " bytes");
        }
    }

    static final class TooSlow extends IOException {
        TooSlow() {
            super("the download took longer than its time limit");
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (System.nanoTime() > deadlineNanos) {
            throw new TooSlow();
        }
        int n = super.read(buffer, offset, length);
        if (n > 0 && (count += n) > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        return n;
    }
}
