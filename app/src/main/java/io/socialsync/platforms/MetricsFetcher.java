package io.socialsync.platforms;

/** One platform's metrics client: a post's current numbers, mapped to common names with the platform's kept. */
public interface MetricsFetcher {

    Platform platform();

    MetricsFetch fetch(PostRef post);
}
