package io.socialsync.publish.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.socialsync.domain.Invalid;

/**
 * {@code POST /confirm_publish}. The Stakazo seed names the endpoint but not its fields, so the usual spellings
 * are all taken: the publication as {@code publication_id}, {@code publish_log_id} or {@code id}; the platform's
 * id as {@code external_id}, {@code post_id}, {@code external_post_id} or {@code media_id}; the link as
 * {@code url}, {@code post_url} or {@code permalink}. {@code status} "failed" (or {@code success: false}) reports
 * a failure with {@code reason}/{@code error} and {@code retry}.
 */
public record ConfirmBody(@JsonAlias({"publish_log_id", "id"}) String publicationId,
                          @JsonAlias({"post_id", "external_post_id", "media_id"}) String externalId,
                          @JsonAlias({"post_url", "permalink"}) String url,
                          String status, Boolean success,
                          @JsonAlias("error") String reason,
                          Boolean retry, String leaseToken) {

    long publication() {
        try {
            return Long.parseLong(publicationId == null ? "" : publicationId.strip());
        } catch (NumberFormatException e) {
            throw new Invalid("publication_id (or publish_log_id) must name a publication, got '"
                    + publicationId + "'");
        }
    }

    boolean reportsSuccess() {
        if (success != null) {
            return success;
        }
        return status == null || !(status.equalsIgnoreCase("failed") || status.equalsIgnoreCase("error"));
    }

    boolean wantsRetry() {
        return Boolean.TRUE.equals(retry);
    }
}
