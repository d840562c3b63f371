package io.socialsync.mediawork;

import io.socialsync.config.DataDirectory;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.FfmpegInfo;
import org.springframework.stereotype.Component;

/**
 * The process's FFmpeg, located on first use (locating may extract the bundled build, which tools such as
 * {@code apikey list} should not pay for) and inspected once: its capabilities do not change while we run.
 */
@Component
public class MediaTools {
    private final DataDirectory dataDir;
    private volatile Ffmpeg ffmpeg;
    private volatile FfmpegInfo info;

    public MediaTools(DataDirectory dataDir) {
        this.dataDir = dataDir;
    }

    public Ffmpeg ffmpeg() {
        if (ffmpeg == null) {
            synchronized (this) {
                if (ffmpeg == null) {
                    ffmpeg = Ffmpeg.locate(dataDir.root());
                }
            }
        }
        return ffmpeg;
    }

    public FfmpegInfo info() {
        if (info == null) {
            synchronized (this) {
                if (info == null) {
                    info = ffmpeg().inspect();
                }
            }
        }
        return info;
    }
}
