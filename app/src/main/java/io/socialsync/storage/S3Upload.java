package io.socialsync.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One streamed put to S3, holding at most one part in memory. A stream that fits in the first part goes up as a
 * single PUT; anything longer, including streams of unknown length, as a multipart upload, which S3 makes
 * visible only on completion and which is aborted on any failure, so no partial object ever appears.
 */
record S3Upload(S3Client s3, String bucket, String objectKey, String contentType) {
    static final int MIN_PART_SIZE = 8 * 1024 * 1024;
    private static final int MAX_PARTS = 10_000; // S3's limit: unknown lengths top out at 80 GB

    /** Returns the byte count; the caller's stream is read to its end. */
    long upload(InputStream in, long declaredLength) throws IOException {
        int partSize = partSize(declaredLength);
        byte[] chunk = in.readNBytes(partSize);
        if (chunk.length < partSize) {
            Hashing.checkLength(objectKey, declaredLength, chunk.length); // before the PUT makes it visible
            s3.putObject(b -> b.bucket(bucket).key(objectKey).contentType(contentType), RequestBody.fromBytes(chunk));
            return chunk.length;
        }
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey).contentType(contentType))
                .uploadId();
        try {
            long total = 0;
            List<CompletedPart> parts = new ArrayList<>();
            for (byte[] part = chunk; part.length > 0; part = in.readNBytes(partSize)) {
                if (parts.size() == MAX_PARTS) {
                    throw new StorageException("object " + objectKey + " exceeds " + MAX_PARTS + " parts");
                }
                int number = parts.size() + 1;
                byte[] body = part;
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                        .partNumber(number), RequestBody.fromBytes(body)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                total += part.length;
            }
            Hashing.checkLength(objectKey, declaredLength, total); // before completion makes it visible
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            return total;
        } catch (IOException | RuntimeException e) {
            abort(uploadId, e);
            throw e;
        }
    }

    /** Known large lengths get parts big enough to stay within the part limit. */
    private static int partSize(long declaredLength) {
        long needed = declaredLength < 0 ? 0 : (declaredLength + MAX_PARTS - 1) / MAX_PARTS;
        return (int) Math.max(MIN_PART_SIZE, Math.min(needed, Integer.MAX_VALUE - 8));
    }

    private void abort(String uploadId, Exception cause) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
        } catch (RuntimeException e) {
            cause.addSuppressed(e); // the bucket's lifecycle rule for incomplete uploads is the backstop
        }
    }
}
