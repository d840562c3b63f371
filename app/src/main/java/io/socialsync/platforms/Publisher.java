package io.socialsync.platforms;

/**
 * Posts a video to one platform. A run resumes from what the {@link Journal} recorded: handles already obtained
 * are reused, and a call whose outcome is unknown is never repeated but resolved by asking the platform.
 * Implementations throw nothing for platform or network trouble: everything becomes a {@link PublishOutcome}.
 */
public interface Publisher {

    Platform platform();

    PublishOutcome publish(PublishTarget target, Journal journal);

    /**
     * True when the recorded progress shows that the call creating the post succeeded, though the post is not
     * confirmed yet (the platform still processes it): a run that cannot go on (account or media gone) must then
     * leave it unconfirmed, never failed, since it may be live.
     */
    default boolean postCreated(Progress progress) {
        return false;
    }
}
