package io.socialsync.cli;

import io.socialsync.media.analysis.AnalysisResult;
import io.socialsync.media.analysis.ClipCandidate;
import io.socialsync.media.probe.MediaInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** How {@code socialsync analyse} prints its clips: an aligned table, or JSON for scripts. */
final class ClipTable {
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ClipTable() {
    }

    static String table(AnalysisResult result) {
        if (result.clips().isEmpty()) {
            return "no clips: " + result.noClipsReason().orElse("nothing usable found") + "\n";
        }
        var out = new StringBuilder(String.format(Locale.ROOT, "%4s  %-11s  %-11s  %7s  %5s  %s%n",
                "rank", "start", "end", "length", "score", "reason"));
        int rank = 1;
        for (ClipCandidate c : result.clips()) {
            out.append(String.format(Locale.ROOT, "%4d  %-11s  %-11s  %6.1fs  %5.0f  %s%n", rank++,
                    Seconds.format(c.start()), Seconds.format(c.end()), c.length(), c.score(), c.reason()));
        }
        return out.toString();
    }

    static String json(Path file, MediaInfo info, AnalysisResult result) {
        var clips = new ArrayList<Map<String, Object>>();
        int rank = 1;
        for (ClipCandidate c : result.clips()) {
            var clip = new LinkedHashMap<String, Object>();
            clip.put("rank", rank++);
            clip.put("start", c.start());
            clip.put("end", c.end());
            clip.put("length", round(c.length()));
            clip.put("score", round(c.score()));
            clip.put("sub_scores", c.subScores());
            clip.put("reason", c.reason());
            clips.add(clip);
        }
        var root = new LinkedHashMap<String, Object>();
        root.put("file", file.toString());
        root.put("duration_seconds", info.duration().toMillis() / 1000.0);
        root.put("clips", clips);
        root.put("no_clips_reason", result.noClipsReason().orElse(null));
        return JSON.writeValueAsString(root) + "\n";
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
