package io.socialsync.jobs;

import io.socialsync.web.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The registry of job kinds: every {@link JobHandler} bean is one kind. */
@Component
public class JobKinds {
    private final Map<String, JobHandler> handlers;

    public JobKinds(List<JobHandler> handlers) {
        this.handlers = handlers.stream().collect(Collectors.toMap(JobHandler::kind, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two handlers for job kind " + a.kind());
                }, TreeMap::new));
    }

    public record Spec(String kind, int maxAttempts, Duration timeout, int concurrency) {
    }

    public Spec spec(String kind) {
        var h = handler(kind);
        return new Spec(h.kind(), h.maxAttempts(), h.timeout(), h.concurrency());
    }

    public JobHandler handler(String kind) {
        JobHandler h = kind == null ? null : handlers.get(kind);
        if (h == null) {
            throw ApiException.badRequest("unknown job kind '" + kind + "'; known kinds: " + handlers.keySet());
        }
        return h;
    }

    public List<Spec> all() {
        return handlers.keySet().stream().map(this::spec).toList();
    }
}
