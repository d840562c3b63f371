package io.socialsync.edit;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;


/**
 * One input of an edit: a video or rendered variant of the caller's workspace, or an http(s) URL that the job
 * downloads. Stored in the job payload in the request's own shape ({@code {"video_id": 7}}), told apart by its
 * one field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(EditInput.VideoInput.class), @JsonSubTypes.Type(EditInput.VariantInput.class),
        @JsonSubTypes.Type(EditInput.UrlInput.class)})
public sealed interface EditInput {

    record VideoInput(long videoId) implements EditInput {
    }

    record VariantInput(long variantId) implements EditInput {
    }

    record UrlInput(String url) implements EditInput {
    }

    /** For messages: "video 7", "variant 3", "https://…". */
    default String describe() {
        return switch (this) {
            case VideoInput v -> "video " + v.videoId();
            case VariantInput v -> "variant " + v.variantId();
            case UrlInput u -> u.url();
        };
    }
}
