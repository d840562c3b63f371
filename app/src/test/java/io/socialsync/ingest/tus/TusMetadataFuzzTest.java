package io.socialsync.ingest.tus;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * The tus headers a client sends as text ({@code Upload-Metadata}, {@code Upload-Checksum}): parsed, or refused
 * with an IllegalArgumentException (the 400 TusService answers), never another exception.
 */
class TusMetadataFuzzTest {

    @FuzzTest(maxDuration = "8s")
    void anyHeaderIsParsedOrRefused(byte[] input) {
        String header = new String(input, StandardCharsets.UTF_8);
        try {
            var metadata = TusMetadata.parse(header);
            metadata.fileName();
            metadata.title();
        } catch (IllegalArgumentException refused) {
            // a 400 with this message
        }
        try {
            var checksum = TusChecksum.parse(header);
            if (checksum != null) {
                checksum.newDigest();
            }
        } catch (IllegalArgumentException refused) {
            // a 400 with this message
        }
    }
}
