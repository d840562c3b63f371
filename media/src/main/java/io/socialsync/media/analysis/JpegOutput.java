package io.socialsync.media.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Writes through a {@code .part} sibling then renames, so a failed or cancelled FFmpeg never leaves a half JPEG
 * under the real name (a reader would serve it) or a stray part file.
 */
final class JpegOutput {
    private JpegOutput() {}

    static void write(Path out, Consumer<Path> writer) {
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            writer.accept(part);
            if (!Files.isRegularFile(part) || Files.size(part) == 0) {
                throw new IllegalStateException("FFmpeg produced no image for " + out);
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        } finally {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // best effort: the rename already happened or the directory is gone
            }
        }
    }
}
