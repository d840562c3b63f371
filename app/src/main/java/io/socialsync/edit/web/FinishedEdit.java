package io.socialsync.edit.web;

import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobState;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A finished edit as the seed's callers read it: the job's result (or why it failed) and the job's id. */
final class FinishedEdit {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FinishedEdit() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Job job) {
        var body = new LinkedHashMap<String, Object>();
        if (job.state() == JobState.COMPLETED && job.result() != null) {
            body.putAll(JSON.readValue(job.result(), Map.class));
        } else {
            body.put("status", job.state() == JobState.CANCELLED ? "cancelled" : "failed");
            body.put("message", io.socialsync.domain.Errors.forUsers(job.lastError()));
            var session = JSON.readTree(job.payload()).get("session_id");
            if (session != null && session.isString()) {
                body.put("session_id", session.asString());
            }
        }
        body.put("job_id", job.id());
        return body;
    }
}
