package io.socialsync.storage;

import io.socialsync.config.DataDirectory;
import io.socialsync.config.SocialSyncProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Storage} of this process, by SOCIALSYNC_STORAGE; Spring closes an S3 one on shutdown. Not named
 * "storage": that is the health indicator, which the readiness group refers to by name.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfig {

    @Bean
    Storage objectStorage(SocialSyncProperties properties, DataDirectory dataDir, Clock clock) {
        var config = properties.storage();
        if (config.type() == SocialSyncProperties.StorageType.S3) {
            return S3Storage.create(config.s3());
        }
        // a blank SOCIALSYNC_STORAGE binds to null: local, like an absent one
        byte[] signingKey = SigningKeyFile.load(config.signingKey(), dataDir.resolve("secrets"));
        return new LocalStorage(dataDir.resolve("files"), new UrlSigner(signingKey, config.publicBaseUrl()), clock);
    }
}
