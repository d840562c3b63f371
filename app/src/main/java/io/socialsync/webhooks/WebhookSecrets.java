package io.socialsync.webhooks;

import io.socialsync.secrets.SecretBox;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signing secrets are sealed at rest with the {@link SecretBox} of platform tokens. Rows written before that kept
 * the plain secret; every start seals those it finds (one compare-and-set per row, so nodes starting together
 * cannot seal a row twice), and until then a plain row still signs.
 */
@Component
public class WebhookSecrets implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);
    private final SecretBox box;
    private final JdbcClient jdbc;

    public WebhookSecrets(SecretBox box, JdbcClient jdbc) {
        this.box = box;
        this.jdbc = jdbc;
    }

    String seal(String plain) {
        return box.seal(plain);
    }

    /** The HMAC key of a stored secret; a plain legacy row (never "v1:"; secrets start "whsec_") is used as is. */
    String open(String stored) {
        return stored.startsWith("v1:") ? box.open(stored) : stored;
    }

    @Override
    public void afterPropertiesSet() {
        sealPlaintextRows();
    }

    /** @return how many rows this call sealed */
    public int sealPlaintextRows() {
        record Row(long id, String secret) {
        }
        List<Row> plain = jdbc.sql("SELECT id, secret FROM webhook_endpoints WHERE secret NOT LIKE 'v1:%'")
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2))).list();
        int sealed = 0;
        try {
            for (Row row : plain) {
                sealed += jdbc.sql("UPDATE webhook_endpoints SET secret = ? WHERE id = ? AND secret = ?")
                        .params(box.seal(row.secret()), row.id(), row.secret()).update();
            }
        } catch (IllegalStateException noKey) {
            log.warn("{} webhook signing secrets stay unsealed until the secret key is set: {}",
                    plain.size() - sealed, noKey.getMessage());
        }
        if (sealed > 0) {
            log.info("Sealed {} webhook signing secrets stored before they were encrypted at rest", sealed);
        }
        return sealed;
    }
}
