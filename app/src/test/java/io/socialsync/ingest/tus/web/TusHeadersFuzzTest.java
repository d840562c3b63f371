package io.socialsync.ingest.tus.web;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.socialsync.ingest.tus.TusException;
import java.nio.charset.StandardCharsets;
import org.springframework.mock.web.MockHttpServletRequest;

/** {@code Upload-Offset} and {@code Upload-Length}: a non-negative long, or a 400 TusException, nothing else. */
class TusHeadersFuzzTest {

    @FuzzTest(maxDuration = "8s")
    void anyNumberHeaderIsANonNegativeLongOrA400(byte[] input) {
        var request = new MockHttpServletRequest();
        request.addHeader("Upload-Offset", new String(input, StandardCharsets.ISO_8859_1)); // as Tomcat decodes
        try {
            if (TusHeaders.number(request, "Upload-Offset") < 0) {
                throw new IllegalStateException("a negative offset was accepted");
            }
        } catch (TusException refused) {
            if (refused.status() != 400) {
                throw new IllegalStateException("expected a 400, got " + refused.status(), refused);
            }
        }
    }
}
