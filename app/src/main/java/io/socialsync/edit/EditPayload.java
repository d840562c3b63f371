package io.socialsync.edit;

import java.util.List;

/** The payload of an edit job: its inputs, in order, and the operation's parameters (one record per kind). */
public sealed interface EditPayload permits TrimHandler.Payload, AddTextHandler.Payload, ConcatenateHandler.Payload {

    List<EditInput> inputs();

    /** The caller's own correlation id (the seed's {@code session_id}), echoed in the result and job events. */
    String sessionId();
}
