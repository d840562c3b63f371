package io.socialsync.media.edit;

import io.socialsync.media.render.PlatformFormat;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The edit operations of the MoviePy service this replaces ({@code /process/video/trim}, {@code add_text},
 * {@code concatenate}), as data. {@link Editor#apply} runs one; the app wraps that in a job.
 */
public sealed interface EditOperation {

    /**
     * @param end exclusive; past the end of the input means "to the end"
     * @param mode {@link TrimMode#ACCURATE} re-encodes, {@link TrimMode#KEYFRAME_COPY} copies from the keyframe at
     *     or before {@code start}
     */
    record Trim(Path input, Duration start, Duration end, TrimMode mode) implements EditOperation {
        public Trim {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(mode, "mode");
            if (start == null || start.isNegative()) throw new IllegalArgumentException("start must be >= 0");
            if (end == null || end.compareTo(start) <= 0) throw new IllegalArgumentException("end must be after start");
        }
    }

    /**
     * @param text any Unicode; lines break at {@code \n} and wrap at 90 % of the frame width
     * @param fontSize in output pixels
     * @param color a CSS-like name or {@code #RRGGBB}/{@code #RRGGBBAA}
     * @param from {@code null} = from the start
     * @param to {@code null} = to the end
     */
    record AddText(Path input, String text, TextPosition position, int fontSize, String color, Duration from,
                   Duration to) implements EditOperation {
        public AddText {
            Objects.requireNonNull(input, "input");
            if (text == null || text.isBlank()) throw new IllegalArgumentException("text is empty");
            Objects.requireNonNull(position, "position");
            if (fontSize < 4 || fontSize > 1000) throw new IllegalArgumentException("fontSize must be in [4, 1000]");
            TextColor.parse(color); // fail on the request, not in the middle of a job
            if (from != null && from.isNegative()) throw new IllegalArgumentException("from must be >= 0");
            if (from != null && to != null && to.compareTo(from) <= 0) {
                throw new IllegalArgumentException("to must be after from");
            }
        }

        /** The seed service's defaults: 50 px white. */
        public static AddText of(Path input, String text, TextPosition position) {
            return new AddText(input, text, position, 50, "white", null, null);
        }
    }

    /**
     * @param target {@code null} normalises to the first input (its size, frame rate and sample rate); a format
     *     gives its size, capped frame rate and 48 kHz
     */
    record Concatenate(List<Path> inputs, PlatformFormat target) implements EditOperation {
        public Concatenate {
            inputs = List.copyOf(inputs);
            if (inputs.size() < 2) throw new IllegalArgumentException("concatenate needs at least two inputs");
        }
    }
}
