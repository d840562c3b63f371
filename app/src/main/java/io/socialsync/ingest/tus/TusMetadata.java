package io.socialsync.ingest.tus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code Upload-Metadata} header: comma-separated {@code key base64(value)} pairs (tus 1.0 creation). */
record TusMetadata(Map<String, String> values) {
    static final int MAX_HEADER = 4000;

    static TusMetadata parse(String header) {
        var values = new LinkedHashMap<String, String>();
        if (header == null || header.isBlank()) {
            return new TusMetadata(values);
        }
        if (header.length() > MAX_HEADER) {
            throw new IllegalArgumentException("Upload-Metadata is longer than " + MAX_HEADER + " characters");
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.strip().split(" ", -1);
            if (parts[0].isEmpty() || parts.length > 2) {
                throw new IllegalArgumentException("Upload-Metadata pairs are 'key base64value', got '" + pair.strip() + "'");
            }
            String value = parts.length == 2 ? decode(parts[1]) : "";
            values.put(parts[0], value);
        }
        return new TusMetadata(values);
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Upload-Metadata value '" + base64 + "' is not base64");
        }
    }

    /** The client's file name ({@code filename}, or {@code name} as tus-js-client's Uppy sends). */
    String fileName() {
        return values.getOrDefault("filename", values.get("name"));
    }

    String title() {
        return values.get("title");
    }
}
