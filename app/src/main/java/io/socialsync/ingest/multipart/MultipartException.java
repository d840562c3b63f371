package io.socialsync.ingest.multipart;

import java.io.IOException;

/** The body is not well-formed multipart/form-data (or breaks a limit); the client's fault: 400. */
public class MultipartException extends IOException {
    public MultipartException(String message) {
        super(message);
    }
}
