package io.socialsync.ingest.multipart;

import java.util.Arrays;

/**
 * A byte pattern found with Boyer-Moore-Horspool: for a multipart delimiter ({@code CRLF--boundary}, 40-odd bytes)
 * it looks at roughly one byte in forty of a file's content, where a byte-by-byte scan (commons-fileupload's)
 * spends most of an upload's CPU time.
 */
final class Delimiter {
    private final byte[] pattern;
    private final int[] shift = new int[256];

    Delimiter(byte[] pattern) {
        this.pattern = pattern.clone();
        int m = pattern.length;
        Arrays.fill(shift, m);
        for (int k = 0; k < m - 1; k++) {
            shift[pattern[k] & 0xff] = m - 1 - k;
        }
    }

    int length() {
        return pattern.length;
    }

    /**
     * Searches {@code buffer[from, to)}. @return the match's start, or {@code -(p + 1)} where p is the first
     * position at which a match could still start once more bytes follow {@code to}: every earlier start is ruled out.
     */
    int search(byte[] buffer, int from, int to) {
        int m = pattern.length;
        int last = m - 1;
        int i = from;
        while (i + m <= to) {
            int j = last;
            while (buffer[i + j] == pattern[j]) {
                if (j == 0) {
                    return i;
                }
                j--;
            }
            i += shift[buffer[i + last] & 0xff];
        }
        // i + m > to: starts from i on were not compared in full; earlier ones were ruled out
        return -(Math.max(from, Math.min(i, to)) + 1);
    }
}
