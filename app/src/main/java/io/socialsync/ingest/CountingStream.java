package io.socialsync.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts what passes and stops a stream that runs past the size limit (the caller answers 413). */
final class CountingStream extends FilterInputStream {
    private final long limit;
    private long count;

    CountingStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the upload is larger than the limit of " + limit + " bytes");
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    private void add(long n) throws TooLarge {
        count += n;
        if (count > limit) {
            throw new TooLarge(limit);
        }
    }
}
