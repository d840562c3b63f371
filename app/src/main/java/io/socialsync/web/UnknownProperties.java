package io.socialsync.web;

import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** The JSON path of a property the request had and no field takes: a.b[2].c, as the client wrote it. */
final class UnknownProperties {
    private UnknownProperties() {
    }

    static String path(UnrecognizedPropertyException e) {
        var path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? e.getPropertyName() : path.toString();
    }
}
