package io.socialsync.media.analysis;

/**
 * Tuning of {@link CutDetector}. Defaults were chosen on synthetic cuts, strobes and flicker (see the accuracy
 * test); mafd values are on scdet's 0–100 scale.
 *
 * @param window seconds of context on each side of a frame
 * @param minExcess a cut's frame difference must exceed the calmer side's median by this much
 * @param ratio ... and be at least this multiple of it, so steady fast motion (pans, action) is not a cut
 * @param flashMinJump colour-signature jump above which a spike may be a flash (smaller jumps are plain cuts)
 * @param returnRatio a flash returns to within this fraction of its jump of the earlier picture
 * @param minShot seconds: of two cuts closer than this only the stronger stays
 */
record CutSettings(double window, double minExcess, double ratio, double flashMinJump, double returnRatio,
                   double minShot) {
    static final CutSettings DEFAULT = new CutSettings(0.5, 8, 1.5, 10, 0.35, 0.6);
}
