package io.socialsync.people;

import io.socialsync.apikey.Caller;

/**
 * Who is calling, for endpoints about people rather than one workspace's data: a person ({@code userId}, with
 * the workspace their token names, if any) or an API key ({@code userId} null, the key's workspace).
 */
public record SignedIn(Long userId, Caller caller) {

    public boolean person() {
        return userId != null;
    }
}
