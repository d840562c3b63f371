package io.socialsync.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises video containers by their first bytes, never by file name or declared type. Deep validation is the
 * probe's job; this only keeps obvious non-videos (text, images, archives) out of storage.
 */
public final class VideoSniffer {
    /** How many leading bytes {@link #detect} needs. */
    public static final int HEAD = 512;

    private VideoSniffer() {
    }

    /** @return the content type to store, or empty when the bytes are not a known video container */
    public static Optional<String> detect(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, Math.max(length, 12));
        if (ascii(b, 4, "ftyp")) {
            return Optional.of(ascii(b, 8, "qt  ") ? "video/quicktime" : "video/mp4");
        }
        if (ascii(b, 4, "moov") || ascii(b, 4, "mdat") || ascii(b, 4, "wide") || ascii(b, 4, "free")) {
            return Optional.of("video/quicktime");
        }
        if ((b[0] & 0xff) == 0x1A && (b[1] & 0xff) == 0x45 && (b[2] & 0xff) == 0xDF && (b[3] & 0xff) == 0xA3) {
            return Optional.of("video/x-matroska");
        }
        if (ascii(b, 0, "RIFF") && ascii(b, 8, "AVI ")) {
            return Optional.of("video/x-msvideo");
        }
        if (ascii(b, 0, "FLV")) {
            return Optional.of("video/x-flv");
        }
        // MPEG-TS: a sync byte every 188 bytes (one 'G' alone could be a text file)
        if (length > 376 && (b[0] & 0xff) == 0x47 && (b[188] & 0xff) == 0x47 && (b[376] & 0xff) == 0x47) {
            return Optional.of("video/mp2t");
        }
        if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x00 && (b[2] & 0xff) == 0x01 && (b[3] & 0xff) == 0xBA) {
            return Optional.of("video/mpeg");
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] b, int offset, String expected) {
        byte[] e = expected.getBytes(StandardCharsets.US_ASCII);
        return b.length >= offset + e.length && Arrays.equals(b, offset, offset + e.length, e, 0, e.length);
    }
}
