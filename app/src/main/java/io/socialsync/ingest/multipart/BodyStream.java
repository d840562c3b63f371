package io.socialsync.ingest.multipart;

import java.io.IOException;
import java.io.InputStream;

/**
 * One part's content: bytes up to the next delimiter. Bytes that could be the start of a delimiter split across
 * reads stay in the buffer until more arrive; everything before them is handed out at once.
 */
final class BodyStream extends InputStream {
    private final MultipartBuffer buffer;
    private final Delimiter delimiter;
    private int scanned;    // no delimiter starts before this position
    private int match = -1; // where the delimiter starts, once found
    private boolean done;

    BodyStream(MultipartBuffer buffer, Delimiter delimiter) {
        this.buffer = buffer;
        this.delimiter = delimiter;
        this.scanned = buffer.head;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        while (true) {
            if (match < 0) {
                int found = delimiter.search(buffer.bytes, Math.max(scanned, buffer.head), buffer.tail);
                if (found >= 0) {
                    match = found;
                } else {
                    scanned = -found - 1;
                }
            }
            int limit = match >= 0 ? match : scanned;
            if (limit > buffer.head) {
                int n = Math.min(len, limit - buffer.head);
                System.arraycopy(buffer.bytes, buffer.head, b, off, n);
                buffer.head += n;
                return n;
            }
            if (match >= 0) {
                buffer.head = match + delimiter.length();
                done = true;
                return -1;
            }
            int moved = buffer.fill();
            if (moved < 0) {
                throw new MultipartException("the body ends inside a part, before its closing boundary");
            }
            scanned -= moved;
        }
    }

    /** Reads to the delimiter, discarding: a part the caller did not want, or did not read to the end. */
    void skipRest() throws IOException {
        byte[] scratch = new byte[8192];
        while (read(scratch, 0, scratch.length) >= 0) {
            // discard
        }
    }
}
