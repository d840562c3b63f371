package io.socialsync.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings under {@code socialsync.*}; application.yml maps the environment variables onto them. */
@ConfigurationProperties("socialsync")
public record SocialSyncProperties(
        @DefaultValue("./data") Path dataDir,
        String bootstrapApiKey,
        String secretKey,
        @DefaultValue Roles roles,
        @DefaultValue Jobs jobs,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue Webhooks webhooks,
        @DefaultValue Storage storage,
        @DefaultValue Ingest ingest,
        @DefaultValue Publishing publishing,
        @DefaultValue Meta meta,
        @DefaultValue Ledger ledger) {

    /**
     * The ledger's anchors outside the database. {@code key}: base64 of 32 bytes for the rows' and checkpoints' MACs
     * (blank: see io.socialsync.secrets.LedgerKeySource); a signed checkpoint of the head goes to storage every
     * {@code checkpointInterval} on scheduler nodes, and at every graceful shutdown.
     */
    public record Ledger(String key, @DefaultValue("5m") Duration checkpointInterval) {
        @Override
        public String toString() {
            return "Ledger[key=" + mask(key) + ", checkpointInterval=" + checkpointInterval + "]";
        }
    }

    /**
     * How sources come in; uploads and downloads over {@code maxUploadBytes} are refused (413). {@code tus}: the
     * resumable uploads. The rest is URL ingest: {@code allowedHosts} lets self-hosted sources on internal
     * networks through the SSRF guard (host names, {@code *.suffix}, IPs or CIDR blocks); {@code urlTimeout}
     * bounds one whole download; {@code ytDlp} is the yt-dlp executable (blank: {@code yt-dlp} on the PATH).
     */
    public record Ingest(@DefaultValue("4294967296") long maxUploadBytes,
                         @DefaultValue Tus tus,
                         @DefaultValue List<String> allowedHosts,
                         @DefaultValue("10s") Duration connectTimeout,
                         @DefaultValue("30s") Duration readTimeout,
                         @DefaultValue("1h") Duration urlTimeout,
                         String ytDlp) {
    }

    /** Partial tus uploads expire {@code expiry} after creation; a sweep deletes them every {@code sweepInterval}. */
    public record Tus(@DefaultValue("24h") Duration expiry, @DefaultValue("15m") Duration sweepInterval) {
    }

    /** No api flag: the command picks the web server (serve has one; worker and the tools have none). */
    public record Roles(@DefaultValue("true") boolean workers, @DefaultValue("true") boolean scheduler) {
    }

    public record Jobs(@DefaultValue("30s") Duration lease,
                       @DefaultValue("500ms") Duration pollInterval,
                       @DefaultValue("5s") Duration reaperInterval,
                       @DefaultValue("5s") Duration backoffBase,
                       @DefaultValue("1h") Duration backoffMax,
                       String workerName,
                       List<String> kinds,
                       String concurrency) {
    }

    public record RateLimit(@DefaultValue("600") int requestsPerMinute) {
    }

    /**
     * Outbound webhooks. {@code allowPrivateNetworks} lets endpoints point at loopback, private, link-local and
     * similar addresses: off by default so a workspace cannot make the server probe its own network.
     */
    public record Webhooks(@DefaultValue("10s") Duration timeout,
                           @DefaultValue("false") boolean allowPrivateNetworks,
                       @DefaultValue("false") boolean publicLinks) {
    }

    /**
     * Where media files live (io.socialsync.storage). {@code publicBaseUrl} is how platforms reach this server:
     * signed local file links start with it. Secrets are masked in toString, which binding errors may print.
     */
    public record Storage(@DefaultValue("local") StorageType type,
                          @DefaultValue("http://localhost:8080") String publicBaseUrl,
                          String signingKey,
                          @DefaultValue S3 s3) {
        @Override
        public String toString() {
            return "Storage[type=" + type + ", publicBaseUrl=" + publicBaseUrl + ", signingKey="
                    + mask(signingKey) + ", s3=" + s3 + "]";
        }
    }

    public enum StorageType { LOCAL, S3 }

    /** Any S3-compatible store; a blank endpoint means AWS itself, blank keys the SDK's default credential chain. */
    public record S3(String endpoint,
                     @DefaultValue("us-east-1") String region,
                     String bucket,
                     @DefaultValue("") String prefix,
                     @DefaultValue("false") boolean pathStyle,
                     String accessKey,
                     String secretKey) {
        @Override
        public String toString() {
            return "S3[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
                    + ", pathStyle=" + pathStyle + ", accessKey=" + accessKey + ", secretKey=" + mask(secretKey) + "]";
        }
    }

    /** Secrets never reach logs or binding errors. */
    @Override
    public String toString() {
        return "SocialSyncProperties[dataDir=" + dataDir + ", bootstrapApiKey=" + mask(bootstrapApiKey)
                + ", secretKey=" + mask(secretKey) + ", roles=" + roles + ", jobs=" + jobs + ", storage=" + storage
                + ", meta=" + meta + "]";
    }

    private static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "" : "****";
    }

    /** The scheduler tick: how often it runs inside {@code serve}, and how many due posts one transaction moves. */
    public record Publishing(@DefaultValue("60s") Duration tickInterval,
                             @DefaultValue("500") int tickBatch) {
    }

    /**
     * Meta webhooks and the media download job (io.socialsync.meta). Without {@code appSecret} the webhook POSTs
     * answer 503 and store nothing. {@code downloadTimeout} bounds connecting and waiting for the response
     * headers; {@code maxTransferTime} the whole download; {@code batchBudget} when a batch stops starting new
     * downloads. {@code allowPrivateNetworks} lets media URLs point at private addresses (tests only).
     * {@code publicLinks}: each file downloaded gets a permanent, unguessable public link (the seed's public URL).
     */
    public record Meta(String verifyToken,
                       String appSecret,
                       @DefaultValue("15m") Duration downloadInterval,
                       @DefaultValue("50") int batchSize,
                       @DefaultValue("10m") Duration batchBudget,
                       @DefaultValue("30s") Duration downloadTimeout,
                       @DefaultValue("10m") Duration maxTransferTime,
                       @DefaultValue("4294967296") long maxMediaBytes,
                       @DefaultValue("false") boolean allowPrivateNetworks,
                       @DefaultValue("false") boolean publicLinks) {
        @Override
        public String toString() {
            return "Meta[verifyToken=" + mask(verifyToken) + ", appSecret=" + mask(appSecret) + ", downloadInterval="
                    + downloadInterval + ", batchSize=" + batchSize + ", batchBudget=" + batchBudget
                    + ", downloadTimeout=" + downloadTimeout + ", maxTransferTime=" + maxTransferTime
                    + ", maxMediaBytes=" + maxMediaBytes + ", allowPrivateNetworks=" + allowPrivateNetworks
                    + ", publicLinks=" + publicLinks + "]";
        }
    }
}
