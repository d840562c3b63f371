package io.socialsync.media.analysis;

/** What a clip edge lines up with; a clip that starts and ends on cuts feels edited, not chopped. */
enum Boundary {
    /** A scene cut, or the start/end of the video. */
    CUT(1.0),
    /** A still picture's music changes section here (its loudness steps): the nearest it has to a cut. */
    SECTION(0.9),
    /** A quiet (or still) moment: no word or note is cut in half. */
    QUIET(0.8),
    /** Mid-shot in a quiet-enough passage. */
    NONE(0.45),
    /** Mid-shot while the audio is loud: likely mid-phrase. */
    MID_PHRASE(0.2);

    final double cleanliness;

    Boundary(double cleanliness) {
        this.cleanliness = cleanliness;
    }
}
