package io.socialsync.storage;

import io.socialsync.config.SocialSyncProperties;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** SDK clients from our settings; the client and the presigner must agree on endpoint, region and style. */
public final class S3Clients {
    private S3Clients() {
    }

    public static S3Client client(SocialSyncProperties.S3 config) {
        var builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .forcePathStyle(config.pathStyle())
                // the SDK's default flexible checksums (2.30+) are not understood by every S3-compatible store;
                // send and check them only where S3 requires them
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (hasText(config.endpoint())) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        return builder.build();
    }

    public static S3Presigner presigner(SocialSyncProperties.S3 config) {
        var builder = S3Presigner.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(credentials(config))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
        if (hasText(config.endpoint())) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(SocialSyncProperties.S3 config) {
        if (hasText(config.accessKey()) && hasText(config.secretKey())) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build(); // env, profile, container or instance role
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
