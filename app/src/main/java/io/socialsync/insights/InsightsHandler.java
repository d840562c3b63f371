package io.socialsync.insights;

import io.socialsync.accounts.AccountStatus;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.accounts.SocialAccounts;
import io.socialsync.accounts.tokens.TokenRefresher;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobFailure;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.MetricValue;
import io.socialsync.platforms.MetricsFetch;
import io.socialsync.platforms.PostRef;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishRuns;
import io.socialsync.secrets.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * One checkpoint of one posted publication: ask its platform for the post's metrics and store them. A refused
 * token makes the account {@code needs_reauth} and fails the job (asking again cannot help); rate limits, 5xx and
 * no answer are retried with the job's backoff; a deleted post is recorded as gone, and the later checkpoints then
 * end without asking. Idempotent: a checkpoint already stored is not fetched again.
 */
@Component
public class InsightsHandler implements JobHandler {
    public static final String KIND = "INSIGHTS";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);

    /** The posted publication and its checkpoint ({@link Checkpoint#wire()}). */
    public record Payload(long publicationId, String checkpoint) {
    }

    private final PublicationMetrics metrics;
    private final MetricsRecorder recorder;
    private final Publications publications;
    private final PublishRuns runs;
    private final SocialAccounts accounts;
    private final SocialAccountService accountService;
    private final SecretBox secrets;
    private final MetricsFetchers fetchers;
    private final TokenRefresher tokens;
    private final Clock clock;

    InsightsHandler(PublicationMetrics metrics, MetricsRecorder recorder, Publications publications, PublishRuns runs,
                    SocialAccounts accounts, SocialAccountService accountService, SecretBox secrets,
                    MetricsFetchers fetchers, TokenRefresher tokens, Clock clock) {
        this.metrics = metrics;
        this.recorder = recorder;
        this.publications = publications;
        this.runs = runs;
        this.accounts = accounts;
        this.accountService = accountService;
        this.secrets = secrets;
        this.fetchers = fetchers;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Enough attempts to ride out a rate limit with the queue's exponential backoff; each is one JSON request. */
    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 8, Duration.ofMinutes(2), 4);
    }

    @Override
    public Object run(JobContext context) {
        long ws = context.workspaceId();
        var payload = context.payload(JOB);
        long id = payload.publicationId();
        var checkpoint = Checkpoint.parse(payload.checkpoint() == null ? "" : payload.checkpoint())
                .orElseThrow(() -> new JobFailure("unknown checkpoint in " + context.job().payload()));
        var actor = Actor.worker("insights");
        var stored = metrics.at(ws, id, checkpoint);
        if (stored.isPresent()) {
            return result(stored.get(), "already collected");
        }
        if (metrics.gone(ws, id)) {
            return Map.of("skipped", "the post was deleted on the platform");
        }
        var p = publications.byId(ws, id).orElse(null);
        if (p == null || p.state() != PublicationState.POSTED) {
            return Map.of("skipped", p == null ? "publication missing" : "publication is " + p.state().wire());
        }
        String externalId = runs.resultOf(ws, id).map(PublishRuns.Result::externalId).orElse(null);
        if (externalId == null || externalId.isBlank()) {
            return unavailable(p, null, checkpoint, context, "the post's platform id is not known (the poster "
                    + "reported none), so there is nothing to ask about", actor);
        }
        // a token about to expire is renewed first, as before a publish: an expired one would read as a dead account
        var tokenWait = tokens.beforePublish(ws, p.socialAccountId(), actor);
        if (tokenWait.isPresent()) {
            throw new InsightsRetry(tokenWait.get().reason());
        }
        var account = accounts.byId(ws, p.socialAccountId()).orElse(null);
        if (account == null) {
            return unavailable(p, externalId, checkpoint, context, "the social account was deleted", actor);
        }
        if (account.status() == AccountStatus.NEEDS_REAUTH) {
            throw new JobFailure("@" + account.handle() + " needs re-authorisation (" + account.statusReason()
                    + "): reconnect the account to collect its metrics");
        }
        if (!account.hasAccessToken()) {
            return unavailable(p, externalId, checkpoint, context, "@" + account.handle() + " has no access token: "
                    + "connect it to collect metrics", actor);
        }
        var fetcher = fetchers.of(p.platform()).orElseThrow(() -> new JobFailure("no metrics client for "
                + p.platform().wire()));
        var fetched = fetcher.fetch(new PostRef(externalId, account.handle(), secrets.open(account.accessTokenEnc())));
        return switch (fetched) {
            case MetricsFetch.Collected c -> result(recorder.record(collection(p, externalId, checkpoint, context,
                    CollectionStatus.COLLECTED, null, c.values()), actor), null);
            case MetricsFetch.Unavailable u -> unavailable(p, externalId, checkpoint, context, u.detail(), actor);
            case MetricsFetch.Gone g -> result(recorder.record(collection(p, externalId, checkpoint, context,
                    CollectionStatus.GONE, g.detail(), List.of()), actor), null);
            case MetricsFetch.Failed f when f.kind() == MetricsFetch.Kind.REAUTH -> {
                accountService.needsReauth(ws, account.id(), f.reason(), actor);
                throw new JobFailure(f.reason());
            }
            case MetricsFetch.Failed f when f.kind() == MetricsFetch.Kind.RETRY -> throw new InsightsRetry(f.reason());
            case MetricsFetch.Failed f -> throw new JobFailure(f.reason());
        };
    }

    private Object unavailable(Publication p, String externalId, Checkpoint checkpoint, JobContext context,
                               String detail, Actor actor) {
        return result(recorder.record(collection(p, externalId, checkpoint, context, CollectionStatus.UNAVAILABLE,
                detail, List.of()), actor), null);
    }

    private MetricsCollection.New collection(Publication p, String externalId, Checkpoint checkpoint,
                                             JobContext context, CollectionStatus status, String detail,
                                             List<MetricValue> values) {
        return new MetricsCollection.New(p.workspaceId(), p.id(), p.platform(), externalId, checkpoint, status,
                detail, context.job().id(), clock.instant().truncatedTo(ChronoUnit.MICROS), values);
    }

    private static Map<String, Object> result(MetricsCollection c, String note) {
        var map = new java.util.LinkedHashMap<String, Object>();
        map.put("status", c.status().wire());
        map.put("checkpoint", c.checkpoint().wire());
        map.put("collection_id", c.id());
        map.put("values", c.values().size());
        if (note != null) {
            map.put("note", note);
        }
        return map;
    }
}
