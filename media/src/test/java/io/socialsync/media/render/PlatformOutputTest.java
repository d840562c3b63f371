package io.socialsync.media.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.socialsync.media.TestMedia;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.FrameRate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders one variant per platform format from awkward 3 s sources and checks every output with ffprobe against
 * the table in docs/API.md ("What each platform accepts"), which this test parses, so the docs cannot drift from
 * what is rendered. Outputs are rendered at half size to keep the run short (their size is checked against the
 * table's, halved); that the formats are configured with the table's full sizes is checked separately, and
 * {@link RendererTest} renders a full-size Reel.
 */
class PlatformOutputTest {
    private static final Path API_MD = Path.of("..", "docs", "API.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double SCALE = 0.5;
    private static Map<String, Row> table;

    @TempDir
    Path work;

    /** One row of the table, as numbers. */
    record Row(String format, int width, int height, int minFps, int maxFps, double minSeconds, double maxSeconds,
               double maxMbps, int sampleRate, int audioKbps) {}

    @BeforeAll
    static void readTable() throws IOException {
        table = parse(Files.readString(API_MD));
    }

    @Test
    void theTableDescribesEveryBuiltInFormatAsConfigured() {
        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(
                PlatformFormats.DEFAULTS.stream().map(PlatformFormat::name).toList());
        for (PlatformFormat f : PlatformFormats.DEFAULTS) {
            Row r = table.get(f.name());
            assertThat(List.of(r.width(), r.height(), r.minFps(), r.maxFps())).as(f.name())
                    .containsExactly(f.width(), f.height(), f.minFps(), f.maxFps());
            assertThat(r.maxSeconds()).as(f.name()).isEqualTo(f.maxDuration().toSeconds());
            assertThat(r.minSeconds()).as(f.name()).isEqualTo(f.minDuration().toMillis() / 1000.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"vfr", "17fps", "120fps", "rotated-phone", "4x3-sd", "odd-853x479"})
    void everyPlatformAcceptsTheOutputOf(String kind) {
        Path src = source(kind);
        List<RenderedVariant> out = new Renderer(TestMedia.ffmpeg()).render(RenderRequest.of(src,
                PlatformFormats.DEFAULTS, work.resolve("out")), RenderOptions.defaults().withSizeScale(SCALE),
                RunOptions.defaults());
        assertThat(out.stream().flatMap(v -> v.formats().stream()))
                .containsExactlyInAnyOrderElementsOf(table.keySet());
        SoftAssertions soft = new SoftAssertions();
        for (RenderedVariant v : out) {
            for (String format : v.formats()) check(soft, kind + " " + format, v.path(), table.get(format));
        }
        soft.assertAll();
    }

    private static void check(SoftAssertions soft, String what, Path file, Row row) {
        JsonNode probe = probe(file);
        JsonNode video = stream(probe, "video"), audio = stream(probe, "audio");
        soft.assertThat(probe.path("format").path("format_name").asString()).as(what + " container").contains("mp4");
        soft.assertThat(moov(file)).as(what + " moov before mdat, no edit list").doesNotContain("edts")
                .isNotEmpty();
        soft.assertThat(video.path("codec_name").asString()).as(what + " codec").isEqualTo("h264");
        soft.assertThat(video.path("profile").asString()).as(what + " profile").isEqualTo("High");
        soft.assertThat(video.path("pix_fmt").asString()).as(what + " pixels").isEqualTo("yuv420p");
        soft.assertThat(video.path("field_order").asString("progressive")).as(what + " scan").isEqualTo("progressive");
        soft.assertThat(video.path("width").asInt() + "x" + video.path("height").asInt()).as(what + " size")
                .isEqualTo(Fmt.even(row.width() * SCALE) + "x" + Fmt.even(row.height() * SCALE));
        FrameRate r = FrameRate.parse(video.path("r_frame_rate").asString());
        FrameRate avg = FrameRate.parse(video.path("avg_frame_rate").asString());
        soft.assertThat(r).as(what + " constant rate").isEqualTo(avg);
        soft.assertThat(r.denominator()).as(what + " clean rate " + r).isIn(1L, 1001L);
        soft.assertThat(r.value()).as(what + " frame rate").isBetween(row.minFps() * 0.999, row.maxFps() * 1.001);
        double seconds = num(probe.path("format").path("duration"));
        soft.assertThat(seconds).as(what + " duration").isBetween(row.minSeconds() - 0.01, row.maxSeconds());
        soft.assertThat(num(video.path("bit_rate")) / 1e6).as(what + " video Mbps").isLessThanOrEqualTo(row.maxMbps());
        soft.assertThat(audio.path("codec_name").asString()).as(what + " audio codec").isEqualTo("aac");
        soft.assertThat(audio.path("profile").asString()).as(what + " AAC profile").isEqualTo("LC");
        soft.assertThat(audio.path("sample_rate").asInt()).as(what + " sample rate").isEqualTo(row.sampleRate());
        soft.assertThat(audio.path("channels").asInt()).as(what + " channels").isEqualTo(2);
        soft.assertThat(num(audio.path("bit_rate")) / 1000).as(what + " audio kbps")
                .isLessThanOrEqualTo(row.audioKbps() * 1.1);
        soft.assertThat(num(audio.path("duration"))).as(what + " audio ends with the video")
                .isCloseTo(num(video.path("duration")), within(1 / r.value()));
        soft.assertThat(rotation(video)).as(what + " no rotation tag").isZero();
    }

    /** The awkward sources of issue #15, 3 s each (Reels need 3 s) and small, so encoding dominates. */
    private Path source(String kind) {
        String sine = "sine=frequency=440:sample_rate=44100:duration=3";
        String x264 = "-c:v libx264 -preset ultrafast -c:a aac -shortest";
        return switch (kind) {
            case "vfr" -> synth(kind, "testsrc2=size=320x180:rate=30:duration=3,select='not(lt(t\\,1)*mod(n\\,3))'",
                    sine, "-fps_mode vfr -pix_fmt yuv420p " + x264);
            case "17fps" -> synth(kind, "testsrc2=size=320x180:rate=17:duration=3", sine, "-pix_fmt yuv420p " + x264);
            case "120fps" -> synth(kind, "testsrc2=size=320x180:rate=120:duration=3", sine, "-pix_fmt yuv420p " + x264);
            case "rotated-phone" -> TestMedia.synth(work.resolve("rotated.mp4"), "-display_rotation", "90", "-i",
                    Ffmpeg.fileArg(synth("upright", "testsrc2=size=320x180:rate=30:duration=3", sine,
                            "-pix_fmt yuv420p " + x264)), "-c", "copy");
            case "4x3-sd" -> synth(kind, "testsrc2=size=640x480:rate=30000/1001:duration=3", sine,
                    "-pix_fmt yuv420p " + x264);
            case "odd-853x479" -> synth(kind, "testsrc2=size=854x480:rate=25:duration=3,scale=853:479", sine,
                    "-pix_fmt yuv444p " + x264); // odd sizes cannot be 4:2:0
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private Path synth(String name, String video, String audio, String args) {
        List<String> a = new java.util.ArrayList<>(List.of("-f", "lavfi", "-i", video, "-f", "lavfi", "-i", audio));
        a.addAll(List.of(args.split(" ")));
        return TestMedia.synth(work.resolve(name + ".mp4"), a.toArray(String[]::new));
    }

    static Map<String, Row> parse(String markdown) {
        Map<String, Row> rows = new LinkedHashMap<>();
        int at = markdown.indexOf("### What each platform accepts");
        assertThat(at).as("the table's heading in docs/API.md").isNotNegative();
        for (String line : markdown.substring(at).split("\n")) {
            if (!rows.isEmpty() && !line.startsWith("|")) break; // the table ends at its first non-row
            if (!line.startsWith("| `")) continue;
            String[] c = line.split("\\|");
            String name = c[1].strip().replace("`", "");
            Matcher size = find("(\\d+)x(\\d+)", c[4]), fps = find("(\\d+)–(\\d+) fps", c[5]);
            Matcher max = find("(?:≤ |– )(\\d+) (s|min|h)", c[6]);
            Matcher min = Pattern.compile("^\\s*(\\d+) s –").matcher(c[6]);
            double minSeconds = min.find() ? Double.parseDouble(min.group(1)) : 0;
            double maxSeconds = Double.parseDouble(max.group(1)) * switch (max.group(2)) {
                case "min" -> 60;
                case "h" -> 3600;
                default -> 1;
            };
            rows.put(name, new Row(name, Integer.parseInt(size.group(1)), Integer.parseInt(size.group(2)),
                    Integer.parseInt(fps.group(1)), Integer.parseInt(fps.group(2)), minSeconds, maxSeconds,
                    Double.parseDouble(find("≤ (\\d+) Mbps", c[7]).group(1)),
                    Integer.parseInt(find("(\\d+) kHz", c[8]).group(1)) * 1000,
                    Integer.parseInt(find("(\\d+) kbps", c[8]).group(1))));
            assertThat(c[2]).as(name + " container").contains("MP4", "moov first", "no edit list");
            assertThat(c[3]).as(name + " video").contains("H.264 High, yuv420p, progressive");
            assertThat(c[8]).as(name + " audio").contains("AAC-LC", "stereo");
        }
        return rows;
    }

    private static Matcher find(String regex, String cell) {
        Matcher m = Pattern.compile(regex).matcher(cell);
        assertThat(m.find()).as("'%s' in '%s'", regex, cell).isTrue();
        return m;
    }

    private static JsonNode probe(Path file) {
        String out = TestMedia.ffmpeg().probe(List.of("-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", Ffmpeg.fileArg(file)), Duration.ofSeconds(30), null).stdout();
        return JSON.readTree(out);
    }

    private static JsonNode stream(JsonNode probe, String type) {
        for (JsonNode s : probe.path("streams")) if (type.equals(s.path("codec_type").asString())) return s;
        return JSON.createObjectNode();
    }

    private static int rotation(JsonNode video) {
        for (JsonNode side : video.path("side_data_list")) {
            if (side.has("rotation")) return side.path("rotation").asInt();
        }
        return 0;
    }

    private static double num(JsonNode n) {
        try {
            return n.isNumber() ? n.asDouble() : Double.parseDouble(n.asString(""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The moov box's bytes as Latin-1 text, or "" when mdat comes first (no faststart): box types are searchable
     * there and, unlike in mdat, cannot occur by chance.
     */
    private static String moov(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            long pos = 0;
            while (pos + 8 <= b.length) {
                long size = ((b[(int) pos] & 0xffL) << 24) | ((b[(int) pos + 1] & 0xffL) << 16)
                        | ((b[(int) pos + 2] & 0xffL) << 8) | (b[(int) pos + 3] & 0xffL);
                String type = new String(b, (int) pos + 4, 4, StandardCharsets.ISO_8859_1);
                if (type.equals("mdat")) return "";
                if (type.equals("moov")) return new String(b, (int) pos, (int) size, StandardCharsets.ISO_8859_1);
                if (size < 8) return "";
                pos += size;
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
