package io.socialsync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.support.TestVideos;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each container is a real one-second file written by the bundled FFmpeg, sniffed from its first bytes. */
class VideoSnifferTest {
    private static final List<String> SOURCE = List.of("-f", "lavfi", "-i", "testsrc2=size=64x64:rate=10:duration=1");

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            a.mp4  | -c:v libx264                      | video/mp4
            a.mov  | -c:v libx264                      | video/quicktime
            a.3gp  | -c:v mpeg4                        | video/3gpp
            a.mkv  | -c:v libx264                      | video/x-matroska
            a.webm | -c:v libvpx                       | video/webm
            a.ogv  | -c:v libvpx                       | video/ogg
            a.avi  | -c:v mpeg4                        | video/x-msvideo
            a.wmv  | -c:v wmv2                         | video/x-ms-asf
            a.flv  | -c:v flv1                         | video/x-flv
            a.mxf  | -c:v mpeg2video -s 720x576 -r 25  | application/mxf
            a.rm   | -c:v rv10                         | application/vnd.rn-realmedia
            a.y4m  | -pix_fmt yuv420p                  | video/x-yuv4mpeg
            a.ts   | -c:v libx264                      | video/mp2t
            a.m2ts | -c:v libx264                      | video/mp2t
            a.mpg  | -c:v mpeg2video                   | video/mpeg
            a.m2v  | -c:v mpeg2video                   | video/mpeg
            """)
    void everyContainerTheBundledFfmpegWritesIsRecognised(String file, String codec, String contentType)
            throws IOException {
        var args = new ArrayList<>(SOURCE);
        args.addAll(List.of(codec.split(" ")));
        var path = TestVideos.made("sniff-" + file, args);
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(VideoSniffer.HEAD);
        }
        assertThat(VideoSniffer.detect(head, head.length)).contains(contentType);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello, I am text", "\u0089PNG\r\n\u001a\n", "PK\u0003\u0004zip", "GIF89a", "\u0000\u0000\u0001", "G", ""})
    void nonVideosAndTooShortHeadsAreRefused(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(VideoSniffer.detect(b, b.length)).isEqualTo(Optional.empty());
    }
}
