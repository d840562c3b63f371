package io.socialsync.platforms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Collects a platform's numbers under their own names, each with its common name when the map gives one. */
public final class Values {
    private final Map<String, String> common;
    private final List<MetricValue> values = new ArrayList<>();

    public Values(Map<String, String> common) {
        this.common = common;
    }

    /**
     * A number, a numeric string (YouTube sends counts as strings) or an object of numbers (a breakdown such as
     * Facebook's reactions by type, kept as {@code name.KEY}); anything else is not a metric and is left out.
     */
    public Values add(String name, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return this;
        }
        if (value.isNumber()) {
            values.add(new MetricValue(name, common.get(name), value.asDouble()));
        } else if (value.isString()) {
            try {
                values.add(new MetricValue(name, common.get(name), Double.parseDouble(value.asString().trim())));
            } catch (NumberFormatException notANumber) {
                // a text field (an id, a title): not a metric
            }
        } else if (value.isObject()) {
            for (var entry : value.properties()) {
                add(name + "." + entry.getKey(), entry.getValue());
            }
        }
        return this;
    }

    public List<MetricValue> list() {
        return List.copyOf(values);
    }
}
