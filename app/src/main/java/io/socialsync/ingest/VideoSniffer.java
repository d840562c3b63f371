package io.socialsync.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Recognises video containers by their first bytes, never by file name or declared type. Deep validation is the
 * probe's job; this only keeps obvious non-videos (text, images, archives) out of storage. The list is what the
 * bundled FFmpeg demuxes and what people actually upload: every output is re-encoded to MP4 anyway, so the
 * container of the source does not matter to a platform.
 */
public final class VideoSniffer {
    /** How many leading bytes {@link #detect} needs. */
    public static final int HEAD = 512;

    private record Container(String name, String contentType, Predicate<byte[]> matches) {
    }

    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    private static final byte[] ASF = {0x30, 0x26, (byte) 0xB2, 0x75, (byte) 0x8E, 0x66, (byte) 0xCF, 0x11,
            (byte) 0xA6, (byte) 0xD9, 0x00, (byte) 0xAA, 0x00, 0x62, (byte) 0xCE, 0x6C};
    /** SMPTE 377 partition pack key up to the partition kind; a header partition follows (02). */
    private static final byte[] MXF = {0x06, 0x0E, 0x2B, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0D, 0x01, 0x02, 0x01,
            0x01, 0x02};
    private static final byte[] MPEG_PS = {0x00, 0x00, 0x01, (byte) 0xBA};
    private static final byte[] MPEG_VIDEO = {0x00, 0x00, 0x01, (byte) 0xB3};

    // order matters: the first match wins (3GP is an ISO file too; WebM is Matroska)
    private static final List<Container> CONTAINERS = List.of(
            new Container("3GP", "video/3gpp", b -> ascii(b, 4, "ftyp") && ascii(b, 8, "3gp")),
            new Container("3G2", "video/3gpp2", b -> ascii(b, 4, "ftyp") && ascii(b, 8, "3g2")),
            new Container("MOV", "video/quicktime", b -> ascii(b, 4, "ftyp") && ascii(b, 8, "qt  ")),
            new Container("MP4", "video/mp4", b -> ascii(b, 4, "ftyp")),
            new Container("MOV", "video/quicktime", b -> ascii(b, 4, "moov") || ascii(b, 4, "mdat")
                    || ascii(b, 4, "wide") || ascii(b, 4, "free")),
            new Container("WebM", "video/webm", b -> bytes(b, 0, EBML) && contains(b, "webm")),
            new Container("MKV", "video/x-matroska", b -> bytes(b, 0, EBML)),
            new Container("Ogg", "video/ogg", b -> ascii(b, 0, "OggS")),
            new Container("AVI", "video/x-msvideo", b -> ascii(b, 0, "RIFF") && ascii(b, 8, "AVI ")),
            new Container("ASF/WMV", "video/x-ms-asf", b -> bytes(b, 0, ASF)),
            new Container("FLV", "video/x-flv", b -> ascii(b, 0, "FLV")),
            new Container("MXF", "application/mxf", b -> bytes(b, 0, MXF)),
            new Container("RealMedia", "application/vnd.rn-realmedia", b -> ascii(b, 0, ".RMF")),
            new Container("Y4M", "video/x-yuv4mpeg", b -> ascii(b, 0, "YUV4MPEG2 ")),
            // MPEG-TS: a sync byte every 188 bytes (one 'G' alone could be a text file); M2TS: 192 with a prefix
            new Container("MPEG-TS", "video/mp2t", b -> syncEvery(b, 0, 188)),
            new Container("MPEG-TS", "video/mp2t", b -> syncEvery(b, 4, 192)),
            new Container("MPEG-PS", "video/mpeg", b -> bytes(b, 0, MPEG_PS) || bytes(b, 0, MPEG_VIDEO)));

    /** For messages: the containers recognised, in a readable order. */
    public static final String NAMES = CONTAINERS.stream().map(Container::name).distinct()
            .collect(Collectors.joining(", "));

    private VideoSniffer() {
    }

    /** @return the content type to store, or empty when the bytes are not a known video container */
    public static Optional<String> detect(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, Math.max(0, Math.min(length, head.length)));
        return CONTAINERS.stream().filter(c -> c.matches().test(b)).map(Container::contentType).findFirst();
    }

    private static boolean syncEvery(byte[] b, int offset, int packet) {
        return b.length > offset + 2 * packet && b[offset] == 0x47 && b[offset + packet] == 0x47
                && b[offset + 2 * packet] == 0x47;
    }

    private static boolean contains(byte[] b, String text) {
        byte[] e = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + e.length <= Math.min(b.length, 64); i++) {
            if (bytes(b, i, e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ascii(byte[] b, int offset, String expected) {
        return bytes(b, offset, expected.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean bytes(byte[] b, int offset, byte[] e) {
        return b.length >= offset + e.length && Arrays.equals(b, offset, offset + e.length, e, 0, e.length);
    }
}
