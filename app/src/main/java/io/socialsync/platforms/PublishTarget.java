package io.socialsync.platforms;

import java.util.Map;

/**
 * Everything a publisher needs about one publication. The access token is opened from its sealed form only for
 * the run; toString never shows it.
 */
public record PublishTarget(long publicationId, String handle, Map<String, String> externalIds, String accessToken,
                            String caption, Media media) {

    public String externalId(String key) {
        return externalIds.get(key);
    }

    public String captionOrEmpty() {
        return caption == null ? "" : caption;
    }

    @Override
    public String toString() {
        return "PublishTarget[publication=" + publicationId + ", @" + handle + "]";
    }
}
