package io.socialsync.ledger;

import io.socialsync.config.DataDirectory;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.db.DbTime;
import io.socialsync.secrets.LedgerKeySource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The ledger key is resolved at start: without it no event can be appended, so a node without one must not run. */
@Configuration(proxyBeanMethods = false)
public class LedgerConfig {
    @Bean
    LedgerKey ledgerKey(SocialSyncProperties properties, DataDirectory dataDir, DbTime db) {
        return new LedgerKey(LedgerKeySource.resolve(properties.ledger().key(), properties.secretKey(),
                dataDir.root(), !db.postgres()));
    }
}
