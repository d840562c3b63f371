package io.socialsync.storage.web;

import java.util.List;
import org.springframework.http.HttpRange;

/** The one byte range a GET asked for, resolved against the object's size. */
record ByteRange(long start, long end, long size) {

    long length() {
        return end - start + 1;
    }

    String contentRange() {
        return "bytes " + start + "-" + end + "/" + size;
    }

    /**
     * Null when the header asks for nothing we can serve (malformed, or every range past the end): the caller
     * answers 416. Several ranges are merged into the one span covering them, which RFC 9110 allows, so we never
     * need multipart/byteranges responses; players ask for one range anyway.
     */
    static ByteRange parse(String header, long size) {
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(header);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        long start = Long.MAX_VALUE;
        long end = -1;
        for (HttpRange range : ranges) {
            long first = range.getRangeStart(size);
            if (first < size) {
                start = Math.min(start, first);
                end = Math.max(end, range.getRangeEnd(size));
            }
        }
        return end < start ? null : new ByteRange(start, end, size);
    }
}
