package io.socialsync.media.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Keeps only the last {@code capacity} bytes of a stream: FFmpeg can log megabytes, the end explains failures. */
final class TailBuffer {
    private final byte[] ring;
    private long written;

    TailBuffer(int capacity) {
        this.ring = new byte[capacity];
    }

    synchronized void append(byte[] data, int off, int len) {
        for (int i = 0; i < len; i++) {
            ring[(int) (written++ % ring.length)] = data[off + i];
        }
    }

    /** Reads until EOF; an IOException means the pipe was closed under us (process killed). */
    void drain(InputStream in) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) append(buf, 0, n);
        } catch (IOException ignored) {
            // stream closed by kill: keep what we have
        }
    }

    synchronized String text() {
        int size = (int) Math.min(written, ring.length);
        byte[] out = new byte[size];
        int start = (int) ((written - size) % ring.length);
        for (int i = 0; i < size; i++) out[i] = ring[(start + i) % ring.length];
        return new String(out, StandardCharsets.UTF_8);
    }
}
