package io.socialsync.ingest.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The reader's window on the body: bytes {@code [head, tail)} of a 64 KiB array, refilled and compacted in place. */
final class MultipartBuffer {
    static final int SIZE = 64 * 1024;
    final byte[] bytes = new byte[SIZE];
    int head;
    int tail;
    private final InputStream in;
    private boolean eof;

    MultipartBuffer(InputStream in, byte[] prefix) {
        this.in = in;
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        this.tail = prefix.length;
    }

    /**
     * Moves the unread bytes to the front and reads more after them. @return how far everything moved (callers
     * shift their own positions by it), or -1 at the end of the body with nothing new read
     */
    int fill() throws IOException {
        int moved = head;
        if (head > 0) {
            System.arraycopy(bytes, head, bytes, 0, tail - head);
            tail -= head;
            head = 0;
        }
        if (eof || tail == SIZE) {
            return -1;
        }
        int n = in.read(bytes, tail, SIZE - tail);
        if (n < 0) {
            eof = true;
            return -1;
        }
        tail += n;
        return moved;
    }

    boolean ensure(int count) throws IOException {
        while (tail - head < count) {
            if (fill() < 0) {
                return false;
            }
        }
        return true;
    }

    boolean startsWith(String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (bytes[head + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    void advance(int count) {
        head += count;
    }

    void skipLinearWhitespace() throws IOException {
        while (ensure(1) && (bytes[head] == ' ' || bytes[head] == '\t')) {
            head++;
        }
    }

    /** The text up to {@code end} (consumed too); "" when {@code end}'s second half comes first (no headers). */
    String readUntil(Delimiter end, int max) throws IOException {
        if (ensure(2) && startsWith("\r\n")) {
            head += 2;
            return "";
        }
        int from = head;
        while (true) {
            int found = end.search(bytes, from, tail);
            if (found - head > max || tail - head > max && found < 0) {
                throw new MultipartException("a part's headers are longer than " + max + " bytes");
            }
            if (found >= 0) {
                String text = new String(bytes, head, found - head, StandardCharsets.UTF_8);
                head = found + end.length();
                return text;
            }
            int resume = -found - 1 - head;
            if (fill() < 0) {
                throw new MultipartException("the body ends inside a part's headers");
            }
            from = head + resume;
        }
    }
}
