package io.socialsync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            file:/work/x/data/work/analyse-12/source.mp4: Invalid data found | file:source.mp4: Invalid data found
            /tmp/socialsync-upload123.tmp (Permission denied)                | socialsync-upload123.tmp (Permission denied)
            cannot write /srv/socialsync/data/videos/ now                    | cannot write videos now
            "[in#0 @ 0x55] Error opening input file /home/a/b.mkv."          | "[in#0 @ 0x55] Error opening input file b.mkv."
            "moved '/var/lib/s/a.part' to '/var/lib/s/b'"                    | "moved 'a.part' to 'b'"
            GET https://graph.facebook.com/v19.0/123/videos failed: 500      | GET https://graph.facebook.com/v19.0/123/videos failed: 500
            http://[::1]:8080/a/b refused                                    | http://[::1]:8080/a/b refused
            aspect 16/9 and 2/3 of a/b/c.mp4 ok                              | aspect 16/9 and 2/3 of a/b/c.mp4 ok
            timed out after PT2H                                             | timed out after PT2H
            """)
    void absolutePathsAreCutToTheirFileNameAndNothingElseChanges(String error, String shown) {
        assertThat(Errors.forUsers(error)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"/a/b/c.txt, 5", "'short', 5"})
    void aLongErrorIsCutToItsColumn(String error, int max) {
        assertThat(Errors.forUsers(error, max)).hasSizeLessThanOrEqualTo(max);
        assertThat(Errors.forUsers("x".repeat(10), 5)).isEqualTo("xxxx…");
        assertThat(Errors.forUsers(null, 5)).isNull();
    }
}
