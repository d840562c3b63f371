package io.socialsync.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A multipart/form-data body with one {@code file} part of {@code size} bytes, generated while it is read: an MP4
 * {@code ftyp} box (so the server's sniffer accepts it) followed by pseudo-random bytes. Nothing is held but one
 * 1 MiB block, so the client's memory stays flat however large the upload.
 */
final class SyntheticUpload extends InputStream {
    static final String BOUNDARY = "----socialsync-bench-boundary";
    private static final byte[] FTYP = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0,
            'i', 's', 'o', 'm', 'i', 's', 'o', '2'};
    private final byte[] head;
    private final byte[] tail;
    private final byte[] block = new byte[1 << 20];
    private final long size;
    private final long total;
    private long position;

    SyntheticUpload(long size) {
        this.size = size;
        this.head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"synthetic.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        this.tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        this.total = head.length + size + tail.length;
        new Random(42).nextBytes(block);
    }

    long totalLength() {
        return total;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= total) {
            return -1;
        }
        int n = (int) Math.min(len, total - position);
        for (int i = 0; i < n; ) {
            i += copy(b, off + i, n - i);
        }
        return n;
    }

    /** Copies from whichever segment {@code position} is in, up to its end; returns the count. */
    private int copy(byte[] b, int off, int len) {
        long p = position;
        int n;
        if (p < head.length) {
            n = (int) Math.min(len, head.length - p);
            System.arraycopy(head, (int) p, b, off, n);
        } else if (p < head.length + size) {
            long inFile = p - head.length;
            if (inFile < FTYP.length) {
                n = (int) Math.min(len, FTYP.length - inFile);
                System.arraycopy(FTYP, (int) inFile, b, off, n);
            } else {
                int at = (int) (inFile % block.length);
                n = (int) Math.min(Math.min(len, block.length - at), head.length + size - p);
                System.arraycopy(block, at, b, off, n);
            }
        } else {
            long inTail = p - head.length - size;
            n = (int) Math.min(len, tail.length - inTail);
            System.arraycopy(tail, (int) inTail, b, off, n);
        }
        position += n;
        return n;
    }
}
