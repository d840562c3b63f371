package io.socialsync.ingest.multipart;

import java.io.InputStream;

/**
 * One part of a multipart body: its form field name, the file name the client gave (null for a plain field), its
 * declared type, and its content as a stream valid until the next part is asked for.
 */
public record Part(String name, String fileName, String contentType, InputStream body) {

    public boolean isFile() {
        return fileName != null;
    }
}
