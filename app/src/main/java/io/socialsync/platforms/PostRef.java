package io.socialsync.platforms;

/** The post to ask about and the account's token, opened only for the run; toString never shows the token. */
public record PostRef(String externalId, String handle, String accessToken) {

    @Override
    public String toString() {
        return "PostRef[" + externalId + ", @" + handle + "]";
    }
}
