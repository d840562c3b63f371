package io.socialsync.campaigns;

import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The write-ahead record of one sync run on the campaign row, as publishing's: before each remote call its step
 * and time, right after it the id Meta returned, each in its own committed transaction with a
 * {@code campaign_step_recorded} ledger event. Every write is fenced by the run's lease: one that finds the lease
 * gone stops the run, since another sync now owns the campaign.
 */
final class CampaignJournal {
    private final Campaign campaign;
    private final String lease;
    private final Campaigns rows;
    private final CampaignEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Actor actor;
    private final Long jobId;

    CampaignJournal(Campaign campaign, String lease, Campaigns rows, CampaignEvents events, TransactionTemplate tx,
                    Clock clock, Actor actor, Long jobId) {
        this.campaign = campaign;
        this.lease = lease;
        this.rows = rows;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.actor = actor;
        this.jobId = jobId;
    }

    void intent(String step) {
        Instant now = now();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("step", step);
        payload.put("phase", "intent");
        write(() -> rows.intent(campaign.workspaceId(), campaign.id(), lease, step, now), EventType.CAMPAIGN_STEP_RECORDED,
                payload);
    }

    /** @param how "created", "read back" (an unknown outcome resolved by name) or "done" */
    void recorded(String step, String remoteId, String how) {
        Instant now = now();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("step", step);
        payload.put("phase", how);
        payload.put("remote_id", remoteId);
        write(() -> rows.recorded(campaign.workspaceId(), campaign.id(), lease, step, remoteId, now),
                EventType.CAMPAIGN_STEP_RECORDED, payload);
    }

    /** The campaign's new state (and what Meta said of it), with its event; {@code extra} runs in the same tx. */
    void settle(CampaignState state, String effectiveStatus, String reason, boolean synced, EventType event,
                Map<String, Object> payload, Runnable extra) {
        Instant now = now();
        write(() -> {
            boolean ok = rows.settle(campaign.workspaceId(), campaign.id(), lease, state, effectiveStatus, reason,
                    synced ? now : null, now);
            if (ok && extra != null) {
                extra.run();
            }
            return ok;
        }, event, payload);
    }

    /** For {@link #settle}'s extra: the campaign can spend no more from {@code at}, its spend final from settlesAt. */
    Runnable finished(boolean stopped, Instant at, Instant settlesAt) {
        return () -> {
            if (!rows.finished(campaign.workspaceId(), campaign.id(), lease, stopped, at, settlesAt)) {
                throw new CancellationException("campaign " + campaign.id() + " is being synced by another run");
            }
        };
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private void write(BooleanSupplier update, EventType event, Map<String, Object> payload) {
        tx.executeWithoutResult(status -> {
            if (!update.getAsBoolean()) {
                throw new CancellationException("campaign " + campaign.id() + " is being synced by another run");
            }
            if (event != null) {
                events.record(campaign, actor, jobId, event, payload);
            }
        });
    }
}
