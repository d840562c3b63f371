package io.socialsync.edit;

import java.util.List;

/**
 * A validated edit request: the job kind and its payload.
 *
 * @param idempotencyKey the same key in the same workspace gives the same job; null for none
 */
public record EditRequest(String kind, EditPayload payload, String idempotencyKey) {

    List<EditInput> inputs() {
        return payload.inputs();
    }
}
