package io.socialsync.support;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link ClockedServerTest} for ingest: sources served on 127.0.0.2 are allowlisted (so 127.0.0.1 stays refused),
 * yt-dlp is looked for at {@link #YT_DLP} (absent unless a test writes a stand-in there), and workers run only
 * INGEST_URL, so no FFmpeg analysis of test videos competes for the CPU.
 */
@TestPropertySource(properties = {"socialsync.ingest.allowed-hosts=127.0.0.2", "socialsync.jobs.kinds=INGEST_URL"})
public abstract class IngestServerTest extends ClockedServerTest {
    public static final String SOURCE_HOST = "127.0.0.2";
    protected static final Path YT_DLP = TestDatabases.tempDir("yt-dlp").resolve("yt-dlp");

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("socialsync.ingest.yt-dlp", YT_DLP::toString);
    }
}
