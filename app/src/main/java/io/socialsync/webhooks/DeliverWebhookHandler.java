package io.socialsync.webhooks;

import io.socialsync.Errors;
import io.socialsync.jobs.JobContext;
import io.socialsync.jobs.JobFailure;
import io.socialsync.jobs.JobHandler;
import io.socialsync.jobs.JobKind;
import io.socialsync.jobs.JobSpec;
import io.socialsync.net.UrlGuard;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sends one delivery. The queue supplies retries and backoff: a thrown exception retries, {@link JobFailure}
 * stops. When the job finally fails, {@link WebhookJobOutcomes} marks the delivery failed.
 */
@Component
public class DeliverWebhookHandler implements JobHandler {
    public static final String KIND = "DELIVER_WEBHOOK";
    public static final JobKind<Payload> JOB = JobKind.of(KIND, Payload.class);

    /** The delivery (webhook_deliveries row) this job sends. */
    public record Payload(long deliveryId) {
    }

    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final WebhookSecrets secrets;
    private final WebhookSender sender;
    private final Clock clock;

    public DeliverWebhookHandler(WebhookDeliveries deliveries, WebhookEndpoints endpoints, WebhookSecrets secrets,
                                 WebhookSender sender, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.secrets = secrets;
        this.sender = sender;
        this.clock = clock;
    }

    @Override
    public JobSpec spec() {
        return new JobSpec(KIND, 8, sender.attemptTimeout().plusSeconds(30), 4);
    }

    @Override
    public Object run(JobContext context) throws Exception {
        long ws = context.workspaceId();
        long id = context.payload(JOB).deliveryId();
        var delivery = deliveries.byId(ws, id).orElseThrow(() -> new JobFailure("webhook delivery " + id + " is gone"));
        if (delivery.state() != WebhookDelivery.State.PENDING) {
            return Map.of("skipped", delivery.state().name()); // already settled by an earlier run
        }
        var endpoint = endpoints.byId(ws, delivery.endpointId())
                .orElseThrow(() -> new JobFailure("webhook endpoint " + delivery.endpointId() + " is gone"));
        if (!endpoint.active()) {
            throw new JobFailure("webhook endpoint " + endpoint.id() + " was deactivated");
        }
        int status;
        try {
            status = sender.send(endpoint.url(), delivery, secrets.open(endpoint.secret()), clock.instant().getEpochSecond());
        } catch (UrlGuard.Refused e) {
            deliveries.recordAttempt(ws, id, null, e.getMessage());
            throw new JobFailure("webhook URL refused: " + e.getMessage());
        } catch (IOException e) { // unknown host, refused connection, timeout: all worth another try
            String error = e.getClass().getSimpleName() + ": " + Errors.oneLine(e);
            deliveries.recordAttempt(ws, id, null, error);
            throw new ReceiverError(error);
        }
        return outcome(ws, id, status);
    }

    private Object outcome(long ws, long id, int status) {
        if (status >= 200 && status < 300) {
            deliveries.recordAttempt(ws, id, status, null);
            deliveries.markDelivered(ws, id, clock.instant());
            return Map.of("status", status);
        }
        String error = "receiver answered HTTP " + status;
        deliveries.recordAttempt(ws, id, status, error);
        if (status == 408 || status == 429 || status >= 500) {
            throw new ReceiverError(error);
        }
        throw new JobFailure(error); // other 4xx, and 3xx: redirects are not followed
    }

    /** A failure worth retrying; no stack trace, since the worker logs every one. */
    static final class ReceiverError extends RuntimeException {
        ReceiverError(String message) {
            super(message, null, false, false);
        }
    }
}
