package io.socialsync.ingest.url;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A download body that reports progress (at most every 500 ms) and fails once the download's deadline has passed.
 * A read blocked on a silent server is bounded separately, by the socket read timeout.
 */
final class WatchedStream extends FilterInputStream {
    private final long total;
    private final long deadlineNanos;
    private final UrlIngest.Progress progress;
    private long count;
    private long lastReport;

    WatchedStream(InputStream in, long total, long deadlineNanos, UrlIngest.Progress progress) {
        super(in);
        this.total = total;
        this.deadlineNanos = deadlineNanos;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        long now = System.nanoTime();
        if (now - deadlineNanos > 0) {
            throw new IOException("the download took longer than the time limit (socialsync.ingest.url-timeout)");
        }
        if (n > 0) {
            count += n;
            if (now - lastReport > 500_000_000L) {
                lastReport = now;
                int percent = total > 0 ? (int) (count * 100 / total) : 0;
                progress.report(percent, "downloading " + count / (1024 * 1024) + " MiB");
            }
        }
        return n;
    }
}
