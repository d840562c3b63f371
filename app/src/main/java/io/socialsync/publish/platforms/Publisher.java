package io.socialsync.publish.platforms;

import io.socialsync.accounts.Platform;

/**
 * Posts a video to one platform. A run resumes from what the {@link Journal} recorded: handles already obtained
 * are reused, and a call whose outcome is unknown is never repeated but resolved by asking the platform.
 * Implementations throw nothing for platform or network trouble: everything becomes a {@link PublishOutcome}.
 */
public interface Publisher {

    Platform platform();

    PublishOutcome publish(PublishTarget target, Journal journal);
}
