package io.socialsync.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Prometheus figures: jobs by state and kind, job durations by outcome, and queue lag. */
@Component
public class JobMetrics {
    private final MeterRegistry registry;
    private final JobRows rows;
    private final MultiGauge byStateAndKind;
    private final AtomicReference<Double> lagSeconds = new AtomicReference<>(0.0);

    public JobMetrics(MeterRegistry registry, JobRows rows) {
        this.registry = registry;
        this.rows = rows;
        this.byStateAndKind = MultiGauge.builder("socialsync.jobs").description("jobs by state and kind")
                .register(registry);
        Gauge.builder("socialsync.jobs.queue.lag", lagSeconds, AtomicReference::get).baseUnit("seconds")
                .description("how long the oldest due job has waited").register(registry);
    }

    void finished(String kind, String outcome, long nanos) {
        Timer.builder("socialsync.jobs.duration").tags("kind", kind, "outcome", outcome).register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Scheduled(fixedDelayString = "${socialsync.metrics.refresh:15s}", initialDelayString = "5s")
    public void refresh() {
        var counts = rows.countByStateAndKind(null);
        byStateAndKind.register(counts.stream().map(r -> MultiGauge.Row.of(
                Tags.of("state", String.valueOf(r.get("state")), "kind", String.valueOf(r.get("kind"))),
                ((Number) r.get("n")).doubleValue())).toList(), true);
        lagSeconds.set(rows.oldestDueAgeSeconds());
    }
}
