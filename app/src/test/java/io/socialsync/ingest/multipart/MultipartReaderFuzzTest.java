package io.socialsync.ingest.multipart;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Any Content-Type and body a client can send: the reader ends in parts or in a {@link MultipartException},
 * never in another exception, and never reads a part of more bytes than the body has.
 */
class MultipartReaderFuzzTest {

    /** The input's first line is the Content-Type, the rest the body (so the kept inputs read as requests). */
    @FuzzTest(maxDuration = "8s")
    void anyBodyEndsInPartsOrAMultipartException(byte[] input) throws IOException {
        int newline = indexOf(input, (byte) '\n');
        String contentType = new String(input, 0, newline, StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOfRange(input, Math.min(input.length, newline + 1), input.length);
        try {
            var reader = MultipartReader.of(contentType, new ByteArrayInputStream(body));
            long read = 0;
            for (Part p = reader.next(); p != null; p = reader.next()) {
                read += drain(p.body());
                if (read > body.length) {
                    throw new IllegalStateException("parts hold more bytes than the body: " + read);
                }
            }
        } catch (MultipartException expected) {
            // the one way a bad body may end
        }
    }

    private static int indexOf(byte[] b, byte wanted) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == wanted) {
                return i;
            }
        }
        return b.length;
    }

    private static long drain(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        long total = 0;
        for (int n; (n = in.read(buffer, 0, 1 + (int) (total % 1024))) >= 0; ) {
            total += n;
        }
        return total;
    }
}
