package io.socialsync.jobs;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job kind's name and the record its payload is: the code that enqueues the kind and its {@link JobHandler}
 * share this one shape instead of agreeing on JSON keys. A payload record's components are stored in snake case
 * ({@code publicationId} as {@code "publication_id"}), the JSON the queue always held, so rows queued before still
 * run; keys a record does not name (from an older version, or POST /jobs) are ignored, and a missing number or
 * flag reads as 0 or false, as the handlers read them before the records.
 */
public record JobKind<P extends Record>(String name, Class<P> payloadType) {
    static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    public static <P extends Record> JobKind<P> of(String name, Class<P> payloadType) {
        return new JobKind<>(name, payloadType);
    }

    public JobRequest request(long workspaceId, P payload) {
        return JobRequest.of(workspaceId, name, payload);
    }

    /** The payload of a job of this kind (also outside a run: {@link JobHandler#onGaveUp}). */
    public P payload(Job job) {
        return JSON.readValue(job.payload(), payloadType);
    }
}
