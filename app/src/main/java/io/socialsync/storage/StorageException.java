package io.socialsync.storage;

/** A storage operation failed; the backend's own exception is the cause. */
public class StorageException extends RuntimeException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
