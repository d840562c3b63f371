package io.socialsync.media.edit;

/** Exact cuts cost an encode; keyframe-snapped ones are near-instant but start earlier than asked. */
public enum TrimMode {
    /** Re-encode: round((end − start) × fps) frames from the first at or after the start; audio as long. */
    ACCURATE,
    /**
     * Stream copy from the keyframe at or before the start (a copy cannot start between keyframes without a
     * broken first GOP), so the output may begin up to one GOP early; {@link EditResult#sourceStart()} says where.
     * It ends within one frame of the end (audio: one AAC frame).
     */
    KEYFRAME_COPY
}
