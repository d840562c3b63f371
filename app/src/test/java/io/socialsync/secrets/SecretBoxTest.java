package io.socialsync.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void sealedSecretsOpenAgainAndNeverRepeat() {
        var box = SecretBox.of(key());
        String token = "EAAG-very-secret-token-ü✓";
        String once = box.seal(token);
        String twice = box.seal(token);
        assertThat(once).startsWith("v1:").doesNotContain(token).isNotEqualTo(twice); // a fresh nonce each time
        assertThat(box.open(once)).isEqualTo(token);
        assertThat(box.open(twice)).isEqualTo(token);
    }

    @Test
    void anyChangedByteIsRefused() {
        var box = SecretBox.of(key());
        byte[] raw = Base64.getDecoder().decode(box.seal("refresh-token").substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String text = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertThatThrownBy(() -> box.open(text)).isInstanceOf(SecretBox.Unreadable.class);
        }
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = SecretBox.of(key()).seal("token");
        assertThatThrownBy(() -> SecretBox.of(key()).open(sealed)).isInstanceOf(SecretBox.Unreadable.class)
                .hasMessageContaining("another key");
    }

    @Test
    void malformedTextIsRefusedWithoutTouchingTheKey() {
        var box = SecretBox.of(key());
        assertThatThrownBy(() -> box.open("plain-token")).isInstanceOf(SecretBox.Unreadable.class);
        assertThatThrownBy(() -> box.open("v1:not base64!")).isInstanceOf(SecretBox.Unreadable.class);
        assertThatThrownBy(() -> box.open("v1:AAAA")).isInstanceOf(SecretBox.Unreadable.class);
        assertThatThrownBy(() -> SecretBox.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConfiguredKeyWinsAndMustBe32Bytes(@TempDir Path dir) {
        byte[] key = key();
        assertThat(SecretKeySource.resolve(Base64.getEncoder().encodeToString(key), dir, true)).isEqualTo(key);
        assertThat(Files.exists(dir.resolve(SecretKeySource.FILE))).isFalse();
        assertThatThrownBy(() -> SecretKeySource.resolve("c2hvcnQ=", dir, true)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretKeySource.resolve(null, dir, false))
                .hasMessageContaining("SOCIALSYNC_SECRET_KEY");
    }

    @Test
    void theEmbeddedDefaultGeneratesOneOwnerOnlyKeyThatConcurrentStartsAgreeOn(@TempDir Path dir) throws Exception {
        int racers = 8;
        var pool = Executors.newFixedThreadPool(racers);
        var start = new CountDownLatch(1);
        List<Future<String>> keys = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Callable<String> resolve = () -> {
                start.await();
                return Base64.getEncoder().encodeToString(SecretKeySource.resolve("", dir, true));
            };
            keys.add(pool.submit(resolve));
        }
        start.countDown();
        var distinct = new HashSet<String>();
        for (var k : keys) {
            distinct.add(k.get());
        }
        pool.shutdown();
        assertThat(distinct).hasSize(1);
        Path file = dir.resolve(SecretKeySource.FILE);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(file.getParent())).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file); // no temp files left behind
        }
        // a later start reads the same key, and what it sealed still opens
        String sealed = new SecretBox(() -> SecretKeySource.resolve(null, dir, true)).seal("token");
        assertThat(new SecretBox(() -> SecretKeySource.resolve(null, dir, true)).open(sealed)).isEqualTo("token");
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
