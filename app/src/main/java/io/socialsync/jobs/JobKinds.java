package io.socialsync.jobs;

import io.socialsync.domain.Invalid;
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
        this.handlers = handlers.stream().collect(Collectors.toMap(h -> h.spec().kind(), Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("two handlers for job kind " + a.spec().kind());
                }, TreeMap::new));
    }

    public JobSpec spec(String kind) {
        return handler(kind).spec();
    }

    public JobHandler handler(String kind) {
        JobHandler h = kind == null ? null : handlers.get(kind);
        if (h == null) {
            throw new Invalid("unknown job kind '" + kind + "'; known kinds: " + handlers.keySet());
        }
        return h;
    }

    public List<JobSpec> all() {
        return handlers.keySet().stream().map(this::spec).toList();
    }
}
