package io.socialsync.media.ffmpeg;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release a {@code -version} banner names. Distributions and static builds decorate it
 * ({@code 5.1.8-0+deb12u1}, {@code n6.1.1}, {@code 6.1.1-static}, {@code 7.1-full_build-www.gyan.dev}); builds from
 * FFmpeg's master say {@code N-112345-gabc1234} and name no release at all.
 */
public sealed interface FfmpegVersion permits FfmpegVersion.Release, FfmpegVersion.Git {

    /** A numbered release; {@code patch} is 0 when the banner has only {@code major.minor}. */
    record Release(int major, int minor, int patch) implements FfmpegVersion, Comparable<Release> {
        @Override
        public int compareTo(Release o) {
            int c = Integer.compare(major, o.major);
            if (c == 0) c = Integer.compare(minor, o.minor);
            return c == 0 ? Integer.compare(patch, o.patch) : c;
        }

        public boolean atLeast(Release min) {
            return compareTo(min) >= 0;
        }

        @Override
        public String toString() {
            return major + "." + minor + (patch == 0 ? "" : "." + patch);
        }
    }

    /** A build of master, e.g. {@code N-112345-gabc1234}: newer than any release it forked from. */
    record Git(String describe) implements FfmpegVersion {
        @Override
        public String toString() {
            return describe;
        }
    }

    // "ffmpeg version 5.1.8-0+deb12u1 Copyright ...", "ffprobe version n6.1.1 ...", "... version 7.0-static"
    Pattern RELEASE = Pattern.compile("\\bversion\\s+n?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?![\\d.])");
    // master builds: "N-112345-gabc1234", also "git-2023-05-01-abc1234" (older static builds)
    Pattern GIT = Pattern.compile("\\bversion\\s+(N-\\d+-g[0-9a-f]+|git-\\S+)");

    /** @return empty when the first line names no version we can read */
    static Optional<FfmpegVersion> parse(String banner) {
        String first = banner.lines().findFirst().orElse("");
        Matcher m = RELEASE.matcher(first);
        if (m.find()) {
            int patch = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            return Optional.of(new Release(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
        }
        Matcher g = GIT.matcher(first);
        return g.find() ? Optional.of(new Git(g.group(1))) : Optional.empty();
    }
}
