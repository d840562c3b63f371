package io.socialsync.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Storage} promises, run once per backend by its subclasses. Each test works under a fresh
 * key namespace, so a subclass may share one storage between tests.
 */
abstract class StorageContract {
    static final int MB = 1024 * 1024;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    String ns;

    protected abstract Storage storage();

    @BeforeEach
    void namespace() {
        ns = "t-" + UUID.randomUUID() + "/";
    }

    StorageKey key(String name) {
        return StorageKey.of(ns + name);
    }

    @Test
    void aMultiMegabyteStreamOfUnknownLengthRoundTrips() throws Exception {
        byte[] data = bytes(2 * S3Upload.MIN_PART_SIZE + 12_345); // three parts on S3
        var stored = storage().put(key("big.mp4"), new ByteArrayInputStream(data), -1, "video/mp4");

        assertThat(stored.size()).isEqualTo(data.length);
        assertThat(stored.sha256()).isEqualTo(sha256(data));
        try (InputStream in = storage().open(key("big.mp4"))) {
            assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(data));
        }
        var stat = storage().stat(key("big.mp4")).orElseThrow();
        assertThat(stat.size()).isEqualTo(data.length);
        assertThat(stat.contentType()).isEqualTo("video/mp4");
        assertThat(stat.lastModified()).isNotNull();
    }

    @Test
    void aKnownLengthIsStreamedAndMustMatch() throws Exception {
        byte[] data = bytes(100_000);
        assertThat(storage().put(key("ok.jpg"), new ByteArrayInputStream(data), data.length, "image/jpeg").size())
                .isEqualTo(data.length);
        assertThat(read(key("ok.jpg"))).isEqualTo(data);

        assertThatThrownBy(() -> storage().put(key("short.jpg"), new ByteArrayInputStream(data), data.length + 1,
                "image/jpeg")).isInstanceOf(StorageException.class);
        assertThat(storage().exists(key("short.jpg"))).isFalse();
    }

    @Test
    void rangeReadsReturnExactlyTheAskedBytes() throws Exception {
        byte[] data = bytes(1000);
        storage().put(key("r.bin"), new ByteArrayInputStream(data), data.length, "application/octet-stream");

        assertThat(readRange(key("r.bin"), 0, 9)).isEqualTo(Arrays.copyOfRange(data, 0, 10));
        assertThat(readRange(key("r.bin"), 500, 599)).isEqualTo(Arrays.copyOfRange(data, 500, 600));
        assertThat(readRange(key("r.bin"), 999, 999)).isEqualTo(new byte[] {data[999]});
        assertThat(readRange(key("r.bin"), 990, 5000)).isEqualTo(Arrays.copyOfRange(data, 990, 1000));
        assertThatThrownBy(() -> storage().openRange(key("r.bin"), 1000, 1010).close())
                .isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> storage().openRange(key("r.bin"), 10, 9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().openRange(key("missing.bin"), 0, 9))
                .isInstanceOf(ObjectNotFoundException.class);
        assertThatThrownBy(() -> storage().open(key("missing.bin"))).isInstanceOf(ObjectNotFoundException.class);
    }

    @Test
    void statExistsDeleteAndList() {
        for (String name : List.of("a/2.mp4", "a/1.mp4", "a/b/3.mp4", "ab.mp4", "z/4.mp4")) {
            storage().put(key(name), new ByteArrayInputStream(name.getBytes()), -1, "video/mp4");
        }
        assertThat(names(ns + "a/")).containsExactly("a/1.mp4", "a/2.mp4", "a/b/3.mp4");
        assertThat(names(ns + "a")).containsExactly("a/1.mp4", "a/2.mp4", "a/b/3.mp4", "ab.mp4");
        assertThat(names(ns + "a/1")).containsExactly("a/1.mp4");
        assertThat(names(ns + "nothing/")).isEmpty();
        try (var listed = storage().list(ns + "z/")) {
            assertThat(listed.toList()).singleElement().satisfies(o -> assertThat(o.size()).isEqualTo(7));
        }

        assertThat(storage().exists(key("a/1.mp4"))).isTrue();
        storage().delete(key("a/1.mp4"));
        assertThat(storage().exists(key("a/1.mp4"))).isFalse();
        assertThat(storage().stat(key("a/1.mp4"))).isEmpty();
        storage().delete(key("a/1.mp4")); // idempotent
        assertThat(storage().stat(key("a"))).as("a 'directory' is not an object").isEmpty();
        assertThat(names(ns)).containsExactly("a/2.mp4", "a/b/3.mp4", "ab.mp4", "z/4.mp4");
    }

    @Test
    void anOverwriteReplacesTheWholeObject() throws Exception {
        storage().put(key("o.mp4"), new ByteArrayInputStream(bytes(5000)), -1, "video/mp4");
        byte[] second = "second version".getBytes();
        storage().put(key("o.mp4"), new ByteArrayInputStream(second), -1, "video/mp4");
        assertThat(read(key("o.mp4"))).isEqualTo(second);
        assertThat(storage().stat(key("o.mp4")).orElseThrow().size()).isEqualTo(second.length);
    }

    @Test
    void whileAPutIsUnderWayReadersSeeTheWholeOldObject() throws Exception {
        byte[] old = bytes(1000);
        storage().put(key("busy.mp4"), new ByteArrayInputStream(old), -1, "video/mp4");
        byte[] next = bytes(3 * MB);
        var upload = new PausingStream(next, MB);
        try (var executor = Executors.newSingleThreadExecutor()) {
            var put = executor.submit(() -> storage().put(key("busy.mp4"), upload, -1, "video/mp4"));
            try {
                assertThat(upload.paused.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(read(key("busy.mp4"))).as("half way through the new upload").isEqualTo(old);
                assertThat(storage().stat(key("busy.mp4")).orElseThrow().size()).isEqualTo(old.length);
            } finally {
                upload.resume.countDown();
            }
            put.get(30, TimeUnit.SECONDS);
        }
        assertThat(sha256(read(key("busy.mp4")))).isEqualTo(sha256(next));
    }

    @Test
    void aFailingStreamLeavesNoObjectAndKeepsTheOldOne() throws Exception {
        assertThatThrownBy(() -> storage().put(key("new.mp4"), failingAfter(3 * MB), -1, "video/mp4"))
                .isInstanceOf(StorageException.class);
        assertThat(storage().exists(key("new.mp4"))).isFalse();

        byte[] old = bytes(1000);
        storage().put(key("old.mp4"), new ByteArrayInputStream(old), -1, "video/mp4");
        // long enough to be mid-multipart on S3 when it fails
        assertThatThrownBy(() -> storage().put(key("old.mp4"), failingAfter(S3Upload.MIN_PART_SIZE + MB), -1,
                "video/mp4")).isInstanceOf(StorageException.class);
        assertThat(read(key("old.mp4"))).isEqualTo(old);
        assertThat(names(ns)).containsExactly("old.mp4");
    }

    @Test
    void traversalPrefixesAreRejected() {
        for (String bad : List.of("../", "/abs", "a/../../b/", "a\\b", "a//", ".hidden/")) {
            assertThatThrownBy(() -> storage().list(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSignedUrlServesTheObjectAndItsRangesWithoutCredentials() throws Exception {
        byte[] data = bytes(1000);
        storage().put(key("v/clip.mp4"), new ByteArrayInputStream(data), data.length, "video/mp4");
        URI url = storage().signedUrl(key("v/clip.mp4"), Duration.ofMinutes(5));

        var whole = fetch(url, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(data);

        var part = fetch(url, "bytes=10-19");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/1000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(data, 10, 20));
    }

    @Test
    void aTamperedSignedUrlIsRefused() throws Exception {
        storage().put(key("mine.mp4"), new ByteArrayInputStream(bytes(10)), -1, "video/mp4");
        storage().put(key("theirs.mp4"), new ByteArrayInputStream(bytes(10)), -1, "video/mp4");
        String url = storage().signedUrl(key("mine.mp4"), Duration.ofMinutes(5)).toString();

        assertThat(fetch(URI.create(url.replace("mine.mp4", "theirs.mp4")), null).statusCode()).isEqualTo(403);
    }

    @Test
    void signedUrlLifetimesAreBounded() {
        assertThatThrownBy(() -> storage().signedUrl(key("x.mp4"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage().signedUrl(key("x.mp4"), Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theHealthCheckNamesTheBackend() {
        assertThat(storage().check()).containsKey("type");
    }

    // ---- helpers

    List<String> names(String prefix) {
        try (var listed = storage().list(prefix)) {
            return listed.map(o -> o.key().value().substring(ns.length())).toList();
        }
    }

    byte[] read(StorageKey key) throws IOException {
        try (InputStream in = storage().open(key)) {
            return in.readAllBytes();
        }
    }

    byte[] readRange(StorageKey key, long start, long end) throws IOException {
        try (InputStream in = storage().openRange(key, start, end)) {
            return in.readAllBytes();
        }
    }

    /** A GET as a platform would make it: nothing but the URL (and a Range). */
    static HttpResponse<byte[]> fetch(URI url, String range) throws Exception {
        var request = HttpRequest.newBuilder(url).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] bytes(int n) {
        byte[] data = new byte[n];
        new Random(n).nextBytes(data);
        return data;
    }

    /** Unknown length, then an I/O error after {@code n} bytes: an upload cut off half way. */
    static InputStream failingAfter(int n) {
        return new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ >= n) {
                    throw new IOException("connection reset by test");
                }
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (sent >= n) {
                    throw new IOException("connection reset by test");
                }
                int count = Math.min(len, n - sent);
                Arrays.fill(b, off, off + count, (byte) 'x');
                sent += count;
                return count;
            }
        };
    }

    /** Serves {@code data}, stopping after {@code pauseAt} bytes until resumed: a slow upload frozen mid-way. */
    static final class PausingStream extends ByteArrayInputStream {
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private final int pauseAt;

        PausingStream(byte[] data, int pauseAt) {
            super(data);
            this.pauseAt = pauseAt;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            if (pos >= pauseAt && resume.getCount() > 0) {
                paused.countDown();
                try {
                    resume.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.read(b, off, pos < pauseAt ? Math.min(len, pauseAt - pos) : len);
        }
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
