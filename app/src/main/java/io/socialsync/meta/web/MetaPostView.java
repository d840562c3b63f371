package io.socialsync.meta.web;

import io.socialsync.meta.MediaStatus;
import io.socialsync.meta.MetaPost;
import io.socialsync.meta.PostType;
import io.socialsync.meta.webhooks.MetaCounters;
import java.net.URI;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Meta post with its media state. {@code local_url} is a signed link to the stored file, minted per response
 * (links expire; the storage key in {@code local_key} does not); {@code public_url} the file's permanent public link
 * when the instance offers them (SOCIALSYNC_META_PUBLIC_LINKS). The seed's own field names are there too, as its
 * downstream jobs read them: {@code imagen_local} / {@code video_local} (the permanent link if any, else the signed
 * one), {@code video_storage_path}, {@code imagen_descargada_en} / {@code video_descargado_en}, {@code procesada}.
 */
public record MetaPostView(long id, String postId, String accountId, String platform, String type, String message,
                           String mediaUrl, String mediaStatus, int mediaAttempts, JsonNode mediaLastError,
                           Instant mediaUpdatedAt, Instant mediaNextAttemptAt, String localKey, URI localUrl,
                           URI publicUrl, String contentType, Long sizeBytes, Instant downloadedAt, Long videoId,
                           MetaCounters.Counts counters, Instant createdAt, URI imagenLocal, URI videoLocal,
                           String videoStoragePath, Instant imagenDescargadaEn, Instant videoDescargadoEn,
                           boolean procesada) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static MetaPostView of(MetaPost p, URI localUrl, URI publicUrl, MetaCounters.Counts counts) {
        boolean video = p.type() == PostType.VIDEO;
        URI local = publicUrl != null ? publicUrl : localUrl;
        return new MetaPostView(p.id(), p.postId(), p.accountId(), p.platform().wire(), p.type().wire(), p.message(),
                p.mediaUrl(), p.mediaStatus().wire(), p.mediaAttempts(),
                p.mediaLastError() == null ? null : JSON.readTree(p.mediaLastError()), p.mediaUpdatedAt(),
                p.mediaNextAttemptAt(), p.localKey(), localUrl, publicUrl, p.contentType(), p.sizeBytes(),
                p.downloadedAt(), p.videoId(), counts, p.createdAt(), video ? null : local, video ? local : null,
                video ? p.localKey() : null, video ? null : p.downloadedAt(), video ? p.downloadedAt() : null,
                p.mediaStatus() == MediaStatus.SUCCESS);
    }
}
