package io.socialsync.media.edit;

import io.socialsync.media.TempDir;
import io.socialsync.media.ffmpeg.Ffmpeg;
import io.socialsync.media.ffmpeg.RunOptions;
import io.socialsync.media.probe.MediaProber;
import io.socialsync.media.render.RenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Runs edit operations. Each writes into a temp directory beside {@code output} and renames into place at the
 * end, so a failed or cancelled edit never leaves a half-written file under the requested name.
 */
public final class Editor {
    private final Ffmpeg ffmpeg;
    private final MediaProber prober;
    private final RenderOptions encoder;

    /** @param encoder x264 preset, CRF and audio bitrate for re-encoding edits (size scale is ignored) */
    public Editor(Ffmpeg ffmpeg, RenderOptions encoder) {
        this.ffmpeg = ffmpeg;
        this.prober = new MediaProber(ffmpeg);
        this.encoder = encoder;
    }

    public Editor(Ffmpeg ffmpeg) {
        this(ffmpeg, RenderOptions.defaults());
    }

    /** @param output an {@code .mp4} path; replaced if it exists */
    public EditResult apply(EditOperation op, Path output, RunOptions run) {
        Path parent = output.toAbsolutePath().getParent();
        mkdirs(parent);
        try (TempDir tmp = TempDir.create(parent, ".edit-")) {
            Job job = new Job(ffmpeg, prober, encoder, tmp, tmp.resolve("out.mp4"), run);
            var sourceStart = switch (op) {
                case EditOperation.Trim t -> Trimmer.trim(job, t);
                case EditOperation.AddText t -> TextOverlay.apply(job, t);
                case EditOperation.Concatenate c -> Concatenator.concat(job, c);
            };
            move(job.out(), output);
            return new EditResult(output, prober.probe(output, run.cancel()), sourceStart);
        }
    }

    /** What an operation needs: tools, options, a scratch directory and where to write. */
    record Job(Ffmpeg ffmpeg, MediaProber prober, RenderOptions encoder, TempDir tmp, Path out, RunOptions run) {
        void ffmpeg(List<String> args) {
            ffmpeg.run(args, run);
        }
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the result to " + to, e);
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
