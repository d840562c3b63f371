package io.socialsync.ingest.multipart;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Streams a multipart/form-data body part by part through one 64 KiB buffer: a file part is read as it arrives
 * and never held whole. Limits: 100 parts, 16 KiB of headers per part. Used instead of commons-fileupload, whose
 * byte-by-byte boundary scan cost more CPU than hashing and writing the upload together (see docs/BENCHMARKS.md).
 */
public final class MultipartReader {
    static final int MAX_PARTS = 100;
    static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Delimiter HEADER_END = new Delimiter("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    private final MultipartBuffer buffer;
    private final Delimiter delimiter;
    private BodyStream current;
    private boolean finished;
    private int parts;

    private MultipartReader(InputStream in, String boundary) {
        this.delimiter = new Delimiter(("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
        // a CRLF in front makes the first delimiter (at the very start) look like every other one
        this.buffer = new MultipartBuffer(in, "\r\n".getBytes(StandardCharsets.US_ASCII));
        this.current = new BodyStream(buffer, delimiter); // the preamble, skipped
    }

    /** @throws MultipartException unless {@code contentType} is multipart/form-data with a usable boundary */
    public static MultipartReader of(String contentType, InputStream in) throws MultipartException {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new MultipartException("the Content-Type must be multipart/form-data");
        }
        String boundary = PartHeaders.parameters(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(boundary)) {
            throw new MultipartException("the Content-Type has no valid boundary parameter");
        }
        return new MultipartReader(in, boundary);
    }

    /** The next part, or null after the last. What the previous part's stream left unread is skipped. */
    public Part next() throws IOException {
        if (finished) {
            return null;
        }
        current.skipRest();
        if (!buffer.ensure(2)) {
            throw new MultipartException("the body ends right after a boundary");
        }
        if (buffer.startsWith("--")) {
            finished = true; // the close delimiter; an epilogue after it is ignored
            return null;
        }
        buffer.skipLinearWhitespace();
        if (!buffer.ensure(2) || !buffer.startsWith("\r\n")) {
            throw new MultipartException("a boundary is not followed by a line break");
        }
        buffer.advance(2);
        if (++parts > MAX_PARTS) {
            throw new MultipartException("more than " + MAX_PARTS + " parts");
        }
        var headers = PartHeaders.parse(buffer.readUntil(HEADER_END, MAX_HEADER_BYTES));
        current = new BodyStream(buffer, delimiter);
        return new Part(headers.name(), headers.fileName(), headers.contentType(), current);
    }
}
