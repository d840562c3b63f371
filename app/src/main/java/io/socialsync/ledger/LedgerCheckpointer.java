package io.socialsync.ledger;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.config.SocialSyncProperties.Roles;
import io.socialsync.node.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * When checkpoints are written: every {@code socialsync.ledger.checkpoint-interval} on scheduler nodes, and when a
 * serving node (any role; not a one-shot tool) shuts down gracefully. Several nodes may write the same head: same
 * key, same content but the time, either copy verifies.
 */
@Component
public class LedgerCheckpointer implements PeriodicTask.Owner, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(LedgerCheckpointer.class);
    private final LedgerCheckpoints checkpoints;
    private final SocialSyncProperties properties;

    public LedgerCheckpointer(LedgerCheckpoints checkpoints, SocialSyncProperties properties) {
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    @Override
    public PeriodicTask periodic() {
        return PeriodicTask.of("Ledger checkpoint (periodic)", Roles::scheduler,
                properties.ledger().checkpointInterval(), () -> {
                    checkpoint("periodic"); // logs its own failures: a refused checkpoint is an error
                    return 0;
                }, "");
    }

    @Override
    public void destroy() {
        var roles = properties.roles();
        if (roles.workers() || roles.scheduler()) {
            checkpoint("shutdown");
        }
    }

    private void checkpoint(String why) {
        try {
            checkpoints.write().ifPresent(c -> log.debug("Ledger checkpoint ({}) of {} events", why, c.events()));
        } catch (LedgerCheckpoints.Refused | LedgerCheckpoints.Forged e) {
            log.error("Ledger checkpoint refused: {}; run `socialsync ledger verify`", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Ledger checkpoint ({}) not written, the next one retries: {}", why, e.toString());
        }
    }
}
