package io.socialsync.ingest.multipart;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A part's header block: Content-Disposition's {@code name} and {@code filename} (RFC 7578), Content-Type. */
record PartHeaders(String name, String fileName, String contentType) {

    static PartHeaders parse(String block) throws MultipartException {
        var headers = new LinkedHashMap<String, String>();
        String previous = null;
        for (String line : block.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && previous != null) {
                headers.merge(previous, " " + line.strip(), String::concat); // folded continuation
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MultipartException("a part header line is not 'Name: value'");
            }
            previous = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.put(previous, line.substring(colon + 1).strip());
        }
        String disposition = headers.get("content-disposition");
        if (disposition == null) {
            throw new MultipartException("a part has no Content-Disposition header");
        }
        var params = parameters(disposition);
        String fileName = params.containsKey("filename*") ? extended(params.get("filename*")) : params.get("filename");
        return new PartHeaders(params.get("name"), fileName, headers.get("content-type"));
    }

    /** {@code form-data; name="a"; filename="b \"c\".mp4"} → {name=a, filename=b "c".mp4}. */
    static Map<String, String> parameters(String value) {
        var params = new LinkedHashMap<String, String>();
        int i = value.indexOf(';');
        while (i >= 0 && i < value.length()) {
            int eq = value.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = value.substring(i + 1, eq).strip().toLowerCase(Locale.ROOT);
            var out = new StringBuilder();
            int j = eq + 1;
            while (j < value.length() && value.charAt(j) == ' ') {
                j++;
            }
            if (j < value.length() && value.charAt(j) == '"') {
                for (j++; j < value.length() && value.charAt(j) != '"'; j++) {
                    char c = value.charAt(j);
                    out.append(c == '\\' && j + 1 < value.length() ? value.charAt(++j) : c);
                }
                j = value.indexOf(';', j);
            } else {
                int end = value.indexOf(';', j);
                out.append(value, j, end < 0 ? value.length() : end);
                j = end;
            }
            params.put(key, out.toString().strip());
            i = j;
        }
        return params;
    }

    /** RFC 5987 {@code UTF-8''na%C3%AFve.mp4}. */
    private static String extended(String value) throws MultipartException {
        int quote = value.indexOf("''");
        String encoded = quote < 0 ? value : value.substring(quote + 2);
        try {
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // a '%' not followed by two hex digits (found by fuzzing)
            throw new MultipartException("a part's filename* is not percent-encoded (RFC 5987)");
        }
    }
}
