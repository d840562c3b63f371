package io.socialsync.edit.web;

import io.socialsync.domain.Invalid;
import io.socialsync.edit.DownloadFailed;
import io.socialsync.edit.EditInput;
import io.socialsync.edit.UrlDownloads;
import java.util.stream.Stream;

/** {@code {"video_id": 7}}, {@code {"variant_id": 3}} or {@code {"url": "https://…"}}: exactly one. */
public record InputBody(Long videoId, Long variantId, String url) {

    /** @return null after adding an error for {@code field} */
    EditInput validated(String field, Invalid.Collector errors, UrlDownloads urls) {
        long given = Stream.of(videoId, variantId, url).filter(v -> v != null).count();
        if (given != 1) {
            errors.add(field, "give exactly one of video_id, variant_id or url");
            return null;
        }
        if (videoId != null) return new EditInput.VideoInput(videoId);
        if (variantId != null) return new EditInput.VariantInput(variantId);
        try {
            urls.check(url);
            return new EditInput.UrlInput(url.strip());
        } catch (DownloadFailed e) {
            errors.add(field + ".url", e.getMessage());
            return null;
        }
    }

    /** The seed's {@code video_url} field. */
    static InputBody ofUrl(String url) {
        return new InputBody(null, null, url);
    }
}
