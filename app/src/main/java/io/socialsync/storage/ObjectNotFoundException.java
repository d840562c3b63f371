package io.socialsync.storage;

/** The key names no object: callers usually answer 404. */
public class ObjectNotFoundException extends StorageException {
    public ObjectNotFoundException(StorageKey key) {
        super("no object at " + key);
    }
}
