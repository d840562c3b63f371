package io.socialsync.edit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated edit request: the job kind, its inputs and the operation's parameters (already in payload form).
 *
 * @param idempotencyKey the same key in the same workspace gives the same job; null for none
 */
public record EditRequest(String kind, List<EditInput> inputs, Map<String, Object> params, String idempotencyKey) {
    public EditRequest {
        inputs = List.copyOf(inputs);
        params = Map.copyOf(params);
    }

    Map<String, Object> payload() {
        var payload = new LinkedHashMap<String, Object>(params);
        payload.put("inputs", EditInput.toPayload(inputs));
        return payload;
    }
}
