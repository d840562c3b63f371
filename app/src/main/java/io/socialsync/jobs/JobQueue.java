package io.socialsync.jobs;

import io.socialsync.db.DbTime;
import io.socialsync.domain.Conflict;
import io.socialsync.domain.Errors;
import io.socialsync.domain.IdempotencyKeys;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The durable queue: every transition of a job, each in one transaction with the ledger event that records it.
 * Writes by a worker are fenced by its lease token, so a worker that lost its lease changes nothing.
 */
@Service
public class JobQueue {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JobRows rows;
    private final Ledger ledger;
    private final JobKinds kinds;
    private final Backoff backoff;
    private final Clock clock;
    private final GiveUps giveUps;
    private final DbTime time;

    public JobQueue(JobRows rows, Ledger ledger, JobKinds kinds, Backoff backoff, Clock clock, GiveUps giveUps,
                    DbTime time) {
        this.time = time;
        this.rows = rows;
        this.ledger = ledger;
        this.kinds = kinds;
        this.backoff = backoff;
        this.clock = clock;
        this.giveUps = giveUps;
    }

    public record Enqueued(Job job, boolean created) {
    }

    /** Same idempotency key, same job: a retried request never makes a second one. */
    @Transactional(propagation = Propagation.REQUIRED)
    public Enqueued enqueue(JobRequest request, Actor actor) {
        var spec = kinds.spec(request.kind()); // an unknown kind is refused before anything else
        if (request.idempotencyKey() != null) {
            var existing = rows.byIdempotencyKey(request.workspaceId(), request.idempotencyKey());
            if (existing.isPresent()) {
                return new Enqueued(existing.get(), false);
            }
        }
        if (request.parentId() != null && rows.byId(request.workspaceId(), request.parentId()).isEmpty()) {
            throw new Invalid("parent job " + request.parentId() + " does not exist");
        }
        Inserted inserted;
        try {
            inserted = insert(request, spec, clock.instant());
        } catch (DuplicateKeyException raced) {
            // another request with the same key committed first: answer with its job
            return new Enqueued(rows.byIdempotencyKey(request.workspaceId(), request.idempotencyKey()).orElseThrow(),
                    false);
        }
        Job job = inserted.job(); // as stored: the insert returns the row, no second read
        record(job, actor, EventType.JOB_CREATED, details(job, "state", inserted.state().name()));
        return new Enqueued(job, true);
    }

    /**
     * {@link #enqueue} for an API request carrying an Idempotency-Key: an earlier job of the key must be the same
     * request (kind and payload), else this is a 422 ({@link IdempotencyKeys#reused}) and nothing changes.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public Enqueued enqueueRequest(JobRequest request, Actor actor) {
        var enqueued = enqueue(request, actor);
        if (!enqueued.created() && !sameRequest(enqueued.job(), request)) {
            throw IdempotencyKeys.reused("job " + enqueued.job().id());
        }
        return enqueued;
    }

    private static boolean sameRequest(Job earlier, JobRequest request) {
        var payload = JobKind.JSON.writeValueAsString(request.payload() == null ? Map.of() : request.payload());
        return earlier.kind().equals(request.kind())
                && JobKind.JSON.readTree(earlier.payload()).equals(JobKind.JSON.readTree(payload));
    }

    private record Inserted(Job job, JobState state) {
        long id() {
            return job.id();
        }
    }

    /** The row of a new job: waiting for its time, or available now. */
    private Inserted insert(JobRequest request, JobSpec spec, Instant now) {
        JobState state = request.runAt() != null && request.runAt().isAfter(now) ? JobState.SCHEDULED
                : JobState.AVAILABLE;
        // payload records in their stored (snake case) shape; a Map from POST /jobs as it came
        String payload = JobKind.JSON.writeValueAsString(request.payload() == null ? Map.of() : request.payload());
        return new Inserted(rows.insert(request, payload, state, spec.maxAttempts(), now), state);
    }

    /**
     * Several new jobs in the caller's transaction, their {@code job_created} events in one ledger append (the head
     * is locked once, not once per job): for a caller that makes many at a time, like the scheduler tick. Without
     * idempotency keys or parents, which need the one-by-one checks of {@link #enqueue}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> enqueueAll(List<JobRequest> requests, Actor actor) {
        var now = clock.instant();
        var ids = new ArrayList<Long>(requests.size());
        var created = new ArrayList<LedgerEvent.New>(requests.size());
        for (JobRequest request : requests) {
            if (request.idempotencyKey() != null || request.parentId() != null) {
                throw new IllegalArgumentException("enqueueAll takes no idempotency keys or parents: use enqueue");
            }
            var inserted = insert(request, kinds.spec(request.kind()), now);
            long id = inserted.id();
            ids.add(id);
            var details = new LinkedHashMap<String, Object>(); // as enqueue writes them, without reading the row back
            details.put("kind", request.kind());
            details.put("state", inserted.state().name());
            created.add(new LedgerEvent.New(request.workspaceId(), actor, EventType.JOB_CREATED, "job",
                    String.valueOf(id), id, details));
        }
        ledger.appendAll(created);
        return ids;
    }

    /**
     * Claims up to {@code limit} due jobs of the given kinds for {@code worker}, under one new lease token. On
     * PostgreSQL the lock, the update and the attempt rows are one statement; H2 locks its candidates one by one
     * ({@link JobRows#lockDue}), then updates them and inserts their attempts as one statement and one batch.
     */
    @Transactional
    public List<Job.Claimed> claim(String worker, Collection<String> jobKinds, int limit, Duration lease) {
        String token = UUID.randomUUID().toString();
        List<Job> jobs;
        if (time.postgres()) {
            jobs = rows.claimInOneStatement(jobKinds, limit, token, worker, lease.toMillis());
        } else {
            List<Long> ids = rows.lockDue(jobKinds, limit);
            if (ids.isEmpty()) {
                return List.of();
            }
            jobs = rows.markRunning(ids, token, worker, lease.toMillis());
            rows.insertAttempts(jobs, worker, token);
        }
        if (jobs.isEmpty()) {
            return List.of();
        }
        var actor = Actor.worker(worker);
        // one ledger append for the batch: the head is locked once per claim, not once per job
        ledger.appendAll(jobs.stream()
                .map(j -> event(j, actor, EventType.JOB_STARTED, details(j, "attempt", j.attempt()))).toList());
        return jobs.stream().map(j -> new Job.Claimed(j, token)).toList();
    }

    /** Claims one waiting job of a workspace now, due or not (development endpoint). */
    @Transactional
    public Optional<Job.Claimed> claimNow(long workspaceId, Long id, String worker, Duration lease) {
        List<Long> ids = rows.lockWaiting(workspaceId, id);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        String token = UUID.randomUUID().toString();
        Job job = rows.markRunning(ids, token, worker, lease.toMillis()).getFirst();
        rows.insertAttempts(List.of(job), worker, token);
        record(job, Actor.worker(worker), EventType.JOB_STARTED, details(job, "attempt", job.attempt()));
        return Optional.of(new Job.Claimed(job, token));
    }

    @Transactional
    public boolean renew(Job.Claimed claimed, Duration lease) {
        return rows.renew(claimed.id(), claimed.leaseToken(), lease.toMillis());
    }

    @Transactional
    public boolean progress(Job.Claimed claimed, int percent, String message) {
        return rows.progress(claimed.id(), claimed.leaseToken(), percent, message);
    }

    /** @return false when the lease was lost (job reclaimed or cancelled): the result is discarded */
    @Transactional
    public boolean complete(Job.Claimed claimed, Object result, String worker) {
        String json = result == null ? null : JSON.writeValueAsString(result);
        if (!rows.finish(claimed.id(), claimed.leaseToken(), JobState.COMPLETED, json, null, 0)) {
            return false;
        }
        rows.closeAttempt(claimed.id(), claimed.leaseToken(), "COMPLETED", null);
        record(claimed.job(), Actor.worker(worker), EventType.JOB_COMPLETED, details(claimed.job(), "attempt",
                claimed.job().attempt()));
        return true;
    }

    /** A job this worker finished, with its result (null for none). */
    public record Completion(Job.Claimed claimed, Object result) {
    }

    /**
     * {@link #complete} for several jobs in one transaction: the fenced writes as JDBC batches and one ledger
     * append for all their events. What a batch completer would flush. Each job is fenced by its own lease
     * token exactly as in {@code complete}.
     *
     * @return for each job, in order, whether it was completed (false: its lease was lost, result discarded)
     */
    @Transactional
    public List<Boolean> completeAll(List<Completion> completions, String worker) {
        if (completions.isEmpty()) {
            return List.of();
        }
        var claimed = completions.stream().map(Completion::claimed).toList();
        var results = completions.stream().map(c -> c.result() == null ? null : JSON.writeValueAsString(c.result()))
                .toList();
        boolean[] completed = rows.completeAll(claimed, results);
        var actor = Actor.worker(worker);
        var done = new ArrayList<Boolean>(claimed.size());
        var events = new ArrayList<LedgerEvent.New>(claimed.size());
        for (int i = 0; i < claimed.size(); i++) {
            Job job = claimed.get(i).job();
            if (completed[i]) {
                events.add(event(job, actor, EventType.JOB_COMPLETED, details(job, "attempt", job.attempt())));
            }
            done.add(completed[i]);
        }
        ledger.appendAll(events);
        return done;
    }

    /**
     * Retries with backoff while attempts remain and the error is not permanent; otherwise FAILED, and the handler
     * hears of it in the same transaction ({@link JobHandler#onGaveUp}). The error is stored as users see it.
     */
    @Transactional
    public boolean fail(Job.Claimed claimed, String rawError, boolean permanent, String worker) {
        String error = Errors.forUsers(rawError);
        Job job = claimed.job();
        boolean retry = !permanent && job.attempt() < job.maxAttempts();
        JobState next = retry ? JobState.RETRYABLE : JobState.FAILED;
        long delay = retry ? backoff.delay(job.attempt()).toMillis() : 0;
        if (!rows.finish(job.id(), claimed.leaseToken(), next, null, error, delay)) {
            return false;
        }
        rows.closeAttempt(job.id(), claimed.leaseToken(), "FAILED", error);
        var actor = Actor.worker(worker);
        if (retry) {
            record(job, actor, EventType.JOB_RETRY_SCHEDULED, details(job, "attempt", job.attempt(), "error", error,
                    "delay_ms", delay));
        } else {
            record(job, actor, EventType.JOB_FAILED, details(job, "attempt", job.attempt(), "error", error));
            giveUps.gaveUp(job, error);
        }
        return true;
    }

    /** Running jobs whose lease ran out (the worker died or hung) go back to the queue, or fail when spent. */
    @Transactional
    public int reapExpiredLeases(int limit) {
        List<Job.Claimed> expired = rows.lockExpired(limit);
        for (Job.Claimed c : expired) {
            Job job = c.job();
            String error = "lease expired: worker " + job.leaseOwner() + " stopped responding";
            boolean retry = job.attempt() < job.maxAttempts();
            rows.finish(job.id(), c.leaseToken(), retry ? JobState.RETRYABLE : JobState.FAILED, null, error, 0);
            rows.closeAttempt(job.id(), c.leaseToken(), "LEASE_EXPIRED", error);
            record(job, Actor.SYSTEM, retry ? EventType.JOB_RETRY_SCHEDULED : EventType.JOB_FAILED,
                    details(job, "attempt", job.attempt(), "error", error));
            if (!retry) {
                giveUps.gaveUp(job, error);
            }
        }
        return expired.size();
    }

    @Transactional
    public Job cancel(long workspaceId, long id, Actor actor) {
        Job job = rows.lockById(workspaceId, id).orElseThrow(() -> new NotFound("job", id));
        if (job.state().terminal()) {
            throw new Conflict("job " + id + " is already " + job.state() + " and cannot be cancelled");
        }
        rows.setState(workspaceId, id, job.state(), JobState.CANCELLED,
                "finished_at = CURRENT_TIMESTAMP, lease_token = NULL, lease_owner = NULL, lease_expires_at = NULL");
        record(job, actor, EventType.JOB_CANCELLED, details(job, "previous_state", job.state().name()));
        giveUps.cancelled(job, actor);
        return rows.byId(workspaceId, id).orElseThrow();
    }

    /** A FAILED or CANCELLED job gets a fresh set of attempts. */
    @Transactional
    public Job retry(long workspaceId, long id, Actor actor) {
        Job job = rows.lockById(workspaceId, id).orElseThrow(() -> new NotFound("job", id));
        if (job.state() != JobState.FAILED && job.state() != JobState.CANCELLED) {
            throw new Conflict("only FAILED or CANCELLED jobs can be retried; job " + id + " is "
                    + job.state());
        }
        int maxAttempts = job.attempt() + kinds.spec(job.kind()).maxAttempts();
        rows.setState(workspaceId, id, job.state(), JobState.AVAILABLE,
                "run_at = CURRENT_TIMESTAMP, finished_at = NULL, max_attempts = " + maxAttempts);
        record(job, actor, EventType.JOB_RETRY_REQUESTED, details(job, "previous_state", job.state().name()));
        return rows.byId(workspaceId, id).orElseThrow();
    }

    /** The job an idempotency key made in this workspace, if any. */
    public Optional<Job> findByIdempotencyKey(long workspaceId, String key) {
        return rows.byIdempotencyKey(workspaceId, key);
    }

    public Optional<Job> find(long workspaceId, long id) {
        return rows.byId(workspaceId, id);
    }

    /**
     * Waits for a job someone else runs (a command whose job a server's worker claimed first) to end.
     * @return the job in a terminal state, or in its last state when {@code timeout} passed first
     */
    public Job awaitEnd(long workspaceId, long id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Job job = find(workspaceId, id).orElseThrow();
        while (!job.state().terminal() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            job = find(workspaceId, id).orElseThrow();
        }
        return job;
    }

    public List<Job> page(long workspaceId, JobState state, String kind, Long before, int limit) {
        return rows.page(workspaceId, state, kind, before, limit);
    }

    public List<Job.Attempt> attempts(long workspaceId, long id) {
        rows.byId(workspaceId, id).orElseThrow(() -> new NotFound("job", id));
        return rows.attempts(id);
    }

    private void record(Job job, Actor actor, EventType type, Map<String, Object> payload) {
        ledger.append(event(job, actor, type, payload));
    }

    private static LedgerEvent.New event(Job job, Actor actor, EventType type, Map<String, Object> payload) {
        return new LedgerEvent.New(job.workspaceId(), actor, type, "job", String.valueOf(job.id()), job.id(), payload);
    }

    private static Map<String, Object> details(Job job, Object... pairs) {
        var map = new LinkedHashMap<String, Object>();
        map.put("kind", job.kind());
        // a caller's correlation id (the seed's session_id) rides on every event of its job, webhooks included
        // (claims and completions build this for every job: most payloads have none, so no parse for them)
        var session = job.payload() == null || !job.payload().contains("\"session_id\"") ? null
                : JSON.readTree(job.payload()).get("session_id");
        if (session != null && session.isString()) {
            map.put("session_id", session.asString());
        }
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
