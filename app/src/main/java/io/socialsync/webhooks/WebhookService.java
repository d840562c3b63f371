package io.socialsync.webhooks;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.net.UrlGuard;
import java.net.URI;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Endpoints of a workspace, and the one way a delivery is created: a row plus its job, in one transaction. */
@Service
public class WebhookService {
    private final WebhookEndpoints endpoints;
    private final WebhookSecrets secrets;
    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final JobQueue queue;
    private final Workers workers;
    private final Ledger ledger;
    private final Clock clock;

    public WebhookService(WebhookEndpoints endpoints, WebhookSecrets secrets, WebhookDeliveries deliveries, WebhookSender sender,
                          JobQueue queue, Workers workers, Ledger ledger, Clock clock) {
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.deliveries = deliveries;
        this.sender = sender;
        this.queue = queue;
        this.workers = workers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The API shows the new secret in this response only; later reads leave it out. */
    @Transactional
    public WebhookEndpoint register(long workspaceId, String url, List<String> eventTypes, Actor actor) {
        URI uri;
        try {
            uri = sender.check(url);
        } catch (UrlGuard.Refused e) {
            throw new Invalid("url refused: " + e.getMessage());
        }
        List<String> types = EventTypes.normalize(eventTypes);
        String secret = WebhookSignature.newSecret();
        var stored = endpoints.insert(workspaceId, url.trim(), secrets.seal(secret), types,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        var endpoint = stored.withSecret(secret);
        // the host only: a URL's path or query often holds the receiver's own secret, and the ledger is forever
        record(endpoint, actor, EventType.WEBHOOK_ENDPOINT_CREATED, 
                Map.of("host", uri.getHost(), "event_types", types));
        return endpoint;
    }

    public List<WebhookEndpoint> list(long workspaceId) {
        return endpoints.list(workspaceId);
    }

    public WebhookEndpoint get(long workspaceId, long id) {
        return endpoints.byId(workspaceId, id).orElseThrow(() -> new NotFound("webhook", id));
    }

    /** Deactivated endpoints keep their history; their pending deliveries fail at their next attempt. */
    @Transactional
    public void deactivate(long workspaceId, long id, Actor actor) {
        var endpoint = get(workspaceId, id);
        if (endpoints.deactivate(workspaceId, id)) {
            record(endpoint, actor, EventType.WEBHOOK_ENDPOINT_DEACTIVATED, Map.of());
        }
    }

    public List<WebhookDelivery> deliveries(long workspaceId, long endpointId, Long before, int limit) {
        get(workspaceId, endpointId);
        return deliveries.page(workspaceId, endpointId, before, limit);
    }

    @Transactional
    public WebhookDelivery ping(long workspaceId, long id) {
        var endpoint = get(workspaceId, id);
        if (!endpoint.active()) {
            throw new Conflict("webhook " + id + " is deactivated");
        }
        long deliveryId = schedule(endpoint, WebhookEvent.ping(endpoint, clock.instant()));
        return deliveries.byId(workspaceId, deliveryId).orElseThrow();
    }

    /** Joins the caller's transaction (a ledger append): the delivery exists exactly when its event does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long schedule(WebhookEndpoint endpoint, WebhookEvent event) {
        long ws = endpoint.workspaceId();
        long id = deliveries.insert(ws, endpoint.id(), event.ledgerEventId(), event.eventType(), clock.instant());
        var request = DeliverWebhookHandler.JOB.request(ws, new DeliverWebhookHandler.Payload(id))
                .withIdempotencyKey("webhook-delivery-" + id);
        var job = queue.enqueue(request, Actor.SYSTEM).job();
        deliveries.attach(ws, id, event.body(id), job.id());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                workers.wakeUp(); // the job is visible only now; waking earlier would find nothing
            }
        });
        return id;
    }

    private void record(WebhookEndpoint endpoint, Actor actor, EventType type, Map<String, Object> payload) {
        ledger.append(new LedgerEvent.New(endpoint.workspaceId(), actor, type, "webhook_endpoint",
                String.valueOf(endpoint.id()), null, payload));
    }
}
