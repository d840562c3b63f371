package io.socialsync.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class StorageKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"../x", "/abs", "a/../../b", "a\\b", "", "a//b", "a/", ".", "..", "a/./b", ".hidden",
            "sp ace", "a/b?c", "nul\u0000", "ünï", "a|b", "C:x", "%2e%2e"})
    void unsafeKeysAreRejected(String bad) {
        assertThatThrownBy(() -> StorageKey.of(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullAndOverLongKeysAreRejected() {
        assertThatThrownBy(() -> StorageKey.of(null)).isInstanceOf(IllegalArgumentException.class);
        String longKey = "a/".repeat(StorageKey.MAX_LENGTH / 2) + "b";
        assertThatThrownBy(() -> StorageKey.of(longKey)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than");
        char[] segment = new char[256];
        Arrays.fill(segment, 'a');
        assertThatThrownBy(() -> StorageKey.of(new String(segment))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordinaryKeysAreAccepted() {
        assertThat(StorageKey.of("videos/42/variant_1080p.v2.mp4").name()).isEqualTo("variant_1080p.v2.mp4");
        assertThat(StorageKey.of("a-b_c.D").value()).isEqualTo("a-b_c.D");
    }

    @Test
    void prefixesMayEndInAPartialSegmentButNotTraverse() {
        assertThat(StorageKey.checkPrefix("")).isEmpty();
        assertThat(StorageKey.checkPrefix("videos/")).isEqualTo("videos/");
        assertThat(StorageKey.checkPrefix("videos/4")).isEqualTo("videos/4");
        assertThatThrownBy(() -> StorageKey.checkPrefix("../")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageKey.checkPrefix("a/../")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uploadKeysIgnoreTheUntrustedNameExceptAnAllowedExtension() {
        var key = UploadKeys.newKey("uploads/7", "../../etc/passwd.MP4");
        assertThat(key.value()).matches("uploads/7/[0-9a-f-]{36}\\.mp4");
        assertThat(UploadKeys.newKey("uploads", "x.html").value()).matches("uploads/[0-9a-f-]{36}");
        assertThat(UploadKeys.extension("C:\\Users\\me\\clip.mov")).isEqualTo(".mov");
        assertThat(UploadKeys.extension("archive.tar.gz")).isEmpty();
        assertThat(UploadKeys.extension("no-extension")).isEmpty();
        assertThat(UploadKeys.extension(null)).isEmpty();
        assertThat(UploadKeys.newKey("u", "a.png")).isNotEqualTo(UploadKeys.newKey("u", "a.png"));
        assertThatThrownBy(() -> UploadKeys.newKey("../up", "a.png")).isInstanceOf(IllegalArgumentException.class);
    }
}
