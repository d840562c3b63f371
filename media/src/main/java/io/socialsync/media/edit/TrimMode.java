package io.socialsync.media.edit;

/** Exact cuts cost an encode; keyframe-snapped ones are near-instant but start earlier than asked. */
public enum TrimMode {
    /** Re-encode: frame-accurate start and end. */
    ACCURATE,
    /**
     * Stream copy from the keyframe at or before the start (a copy cannot start between keyframes without a
     * broken first GOP), so the output may begin up to one GOP early; {@link EditResult#sourceStart()} says where.
     */
    KEYFRAME_COPY
}
