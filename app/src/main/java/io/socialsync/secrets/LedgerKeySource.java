package io.socialsync.secrets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The key that MACs ledger rows and checkpoints. It must live outside the database (whoever can write the database
 * must not be able to compute a MAC), so: {@code SOCIALSYNC_LEDGER_KEY} when set; on the embedded default a key
 * generated once into {@code <dataDir>/secrets/ledger.key}; with PostgreSQL one derived from
 * {@code SOCIALSYNC_SECRET_KEY}, which every node already shares, so no new required setting.
 */
public final class LedgerKeySource {
    public static final String FILE = "secrets/ledger.key";
    /** HKDF's info: a key for this purpose only, unrelated to the sealing key it comes from. */
    private static final byte[] LABEL = "socialsync ledger mac v1".getBytes(StandardCharsets.US_ASCII);

    private LedgerKeySource() {
    }

    public static byte[] resolve(String ledgerKey, String secretKey, Path dataDir, boolean embeddedDatabase) {
        if (ledgerKey != null && !ledgerKey.isBlank()) {
            return SecretKeySource.decode(ledgerKey.trim(), "SOCIALSYNC_LEDGER_KEY");
        }
        if (embeddedDatabase) {
            return SecretKeySource.fromFile(dataDir.resolve(FILE));
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new IllegalStateException("SOCIALSYNC_SECRET_KEY is not set: with PostgreSQL the ledger's MAC key "
                    + "is derived from it, and every node needs the same one (generate it with: openssl rand -base64 32;"
                    + " or set SOCIALSYNC_LEDGER_KEY)");
        }
        return SecretKeySource.derive(SecretKeySource.decode(secretKey.trim(), "SOCIALSYNC_SECRET_KEY"), LABEL);
    }
}
