package io.socialsync.ingest.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartReaderTest {
    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    record Read(String name, String fileName, String contentType, byte[] content) {
    }

    static List<Read> readAll(String contentType, InputStream in) throws IOException {
        var parts = new ArrayList<Read>();
        var reader = MultipartReader.of(contentType, in);
        for (Part p = reader.next(); p != null; p = reader.next()) {
            parts.add(new Read(p.name(), p.fileName(), p.contentType(), p.body().readAllBytes()));
        }
        return parts;
    }

    static byte[] body(String boundary, byte[] file) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(("preamble to ignore\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n"
                + "My title\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"a \\\"b\\\".mp4\"\r\nContent-Type: video/mp4\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "  \r\nContent-Disposition: form-data; name=\"dedup_key\"\r\n\r\nk1\r\n--"
                + boundary + "--\r\nepilogue").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Content made to trip a boundary search: line breaks, dashes and every prefix of the delimiter. */
    static byte[] nastyFile(int size, long seed) {
        var random = new Random(seed);
        byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.US_ASCII);
        var out = new ByteArrayOutputStream();
        while (out.size() < size) {
            switch (random.nextInt(4)) {
                case 0 -> out.write(delimiter, 0, random.nextInt(delimiter.length)); // a proper prefix
                case 1 -> out.writeBytes("\r\n--\r\n-".getBytes(StandardCharsets.US_ASCII));
                default -> {
                    byte[] noise = new byte[random.nextInt(3000)];
                    random.nextBytes(noise);
                    out.writeBytes(noise);
                }
            }
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 41, 4096, 1 << 20})
    void partsComeOutWhateverTheReadSizes(int chunk) throws IOException {
        byte[] file = nastyFile(300_000, chunk);
        var parts = readAll("multipart/form-data; boundary=" + BOUNDARY,
                new Trickle(body(BOUNDARY, file), chunk));
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).name()).isEqualTo("title");
        assertThat(parts.get(0).fileName()).isNull();
        assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("My title");
        assertThat(parts.get(1).name()).isEqualTo("file");
        assertThat(parts.get(1).fileName()).isEqualTo("a \"b\".mp4");
        assertThat(parts.get(1).contentType()).isEqualTo("video/mp4");
        assertThat(parts.get(1).content()).isEqualTo(file);
        assertThat(new String(parts.get(2).content(), StandardCharsets.UTF_8)).isEqualTo("k1");
    }

    @Test
    void unreadPartsAreSkippedAndQuotedBoundariesWork() throws IOException {
        byte[] file = nastyFile(100_000, 3);
        var reader = MultipartReader.of("Multipart/Form-Data; charset=utf-8; boundary=\"" + BOUNDARY + "\"",
                new ByteArrayInputStream(body(BOUNDARY, file)));
        assertThat(reader.next().name()).isEqualTo("title");
        var filePart = reader.next();
        assertThat(filePart.body().readNBytes(10)).isEqualTo(java.util.Arrays.copyOf(file, 10));
        var last = reader.next();
        assertThat(last.name()).isEqualTo("dedup_key");
        assertThat(reader.next()).isNull();
        assertThat(reader.next()).isNull();
    }

    @Test
    void rfc5987FileNamesAreDecoded() throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=file; filename=\"fallback.mp4\"; "
                + "filename*=UTF-8''na%C3%AFve%20clip.mp4\r\n\r\nxyz\r\n--b--";
        var parts = readAll("multipart/form-data; boundary=b", new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(parts.getFirst().fileName()).isEqualTo("naïve clip.mp4");
        assertThat(parts.getFirst().content()).isEqualTo("xyz".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "--b\r\nContent-Disposition: form-data; name=file; filename=x\r\n\r\ncut off here",
            "--b\r\nContent-Disposition: form-data; name=x\r\n",
            "--b\r\nNo-Colon-Here\r\n\r\nx\r\n--b--",
            "--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--",
            "--bXYZ\r\n\r\nx\r\n--b--",
            // found by MultipartReaderFuzzTest: URLDecoder's IllegalArgumentException escaped as a 500
            "--b\r\nContent-Disposition: form-data; name=file; filename*=UTF-8' name=%zz\r\n\r\nx\r\n--b--",
            ""})
    void malformedBodiesAreMultipartExceptions(String body) {
        assertThatThrownBy(() -> readAll("multipart/form-data; boundary=b",
                new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)))).isInstanceOf(MultipartException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "multipart/form-data", "multipart/form-data; boundary=",
            "multipart/form-data; boundary=\"\""})
    void theContentTypeMustCarryABoundary(String contentType) {
        assertThatThrownBy(() -> MultipartReader.of(contentType, InputStream.nullInputStream()))
                .isInstanceOf(MultipartException.class);
    }

    @Test
    void limitsHold() {
        String huge = "--b\r\nContent-Disposition: form-data; name=x\r\nX-Pad: " + "a".repeat(20_000) + "\r\n\r\nv\r\n--b--";
        assertThatThrownBy(() -> readAll("multipart/form-data; boundary=b",
                new ByteArrayInputStream(huge.getBytes(StandardCharsets.US_ASCII)))).hasMessageContaining("headers are longer");
        String many = "--b\r\nContent-Disposition: form-data; name=x\r\n\r\nv\r\n".repeat(101) + "--b--";
        assertThatThrownBy(() -> readAll("multipart/form-data; boundary=b",
                new ByteArrayInputStream(many.getBytes(StandardCharsets.US_ASCII)))).hasMessageContaining("more than 100 parts");
    }

    /** Hands out at most {@code chunk} bytes per read, as a slow network does. */
    static final class Trickle extends ByteArrayInputStream {
        private final int chunk;

        Trickle(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
