package io.socialsync.platforms;

import java.util.Map;

/**
 * The write-ahead record a publisher keeps on the publication row. Each method commits on its own before
 * returning, so a crash at any point leaves the row saying what was about to happen or what came back.
 */
public interface Journal {

    /** What is recorded so far, by earlier runs and this one. */
    Progress progress();

    /** Before a remote call: "about to do {@code step}". */
    void intent(String step);

    /** Right after it: the handles it returned (merged into those already kept); clears the intent. */
    void recorded(String step, Map<String, String> handles);

    /**
     * How much of the file the platform holds, for the job's progress while a long upload runs; not a write-ahead
     * record (those are {@link #recorded}).
     */
    default void transferred(long bytes, long total) {
    }

    /** Forgets every handle: they are dead (expired upload URL, failed container) and the next run starts over. */
    void reset(String why);
}
