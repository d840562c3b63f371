package io.socialsync.media.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What ffprobe says about a file, reduced to what SocialSync plans with.
 *
 * @param container FFmpeg's {@code format_name}, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param duration {@link Duration#ZERO} when unknown
 * @param video empty for audio-only files (cover art does not count)
 */
public record MediaInfo(
        Path file,
        String container,
        Duration duration,
        long sizeBytes,
        Optional<VideoStream> video,
        List<AudioStream> audio) {

    public MediaInfo {
        audio = List.copyOf(audio);
    }

    public boolean hasAudio() {
        return !audio.isEmpty();
    }

    /** For code that runs after validation, where a video stream is guaranteed. */
    public VideoStream requireVideo() {
        return video.orElseThrow(() -> new IllegalStateException(file + " has no video stream"));
    }
}
