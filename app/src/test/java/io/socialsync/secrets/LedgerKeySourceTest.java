package io.socialsync.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerKeySourceTest {
    private static final String SECRET = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String LEDGER = Base64.getEncoder().encodeToString("ledger-key-ledger-key-ledger-key".getBytes());

    @Test
    void onTheEmbeddedDefaultTheKeyIsGeneratedOnceIntoAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        byte[] first = LedgerKeySource.resolve(null, null, dir, true);
        Path file = dir.resolve(LedgerKeySource.FILE);
        assertThat(first).hasSize(32);
        assertThat(LedgerKeySource.resolve("", SECRET, dir, true)).isEqualTo(first); // the file, not the secret key
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Files.getPosixFilePermissions(file.getParent())).doesNotContain(
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(Files.exists(dir.resolve(SecretKeySource.FILE))).isFalse(); // a key of its own, not secret.key
    }

    @Test
    void withPostgresItIsDerivedFromTheSecretKeyUnderItsOwnLabel(@TempDir Path dir) {
        byte[] derived = LedgerKeySource.resolve(null, SECRET, dir, false);
        assertThat(derived).hasSize(32).isEqualTo(LedgerKeySource.resolve(null, SECRET, dir, false))
                .isNotEqualTo(Base64.getDecoder().decode(SECRET));
        assertThat(Files.exists(dir.resolve(LedgerKeySource.FILE))).isFalse(); // nodes do not share a disk
        assertThat(LedgerKeySource.resolve(LEDGER, SECRET, dir, false)).isEqualTo(Base64.getDecoder().decode(LEDGER));
        assertThatThrownBy(() -> LedgerKeySource.resolve(null, null, dir, false))
                .hasMessageContaining("SOCIALSYNC_SECRET_KEY").hasMessageContaining("SOCIALSYNC_LEDGER_KEY");
        assertThatThrownBy(() -> LedgerKeySource.resolve("c2hvcnQ=", null, dir, false))
                .hasMessageContaining("SOCIALSYNC_LEDGER_KEY must decode to 32 bytes");
    }
}
