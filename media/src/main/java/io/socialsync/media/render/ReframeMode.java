package io.socialsync.media.render;

/** Caller's override of the reframing decision. */
public enum ReframeMode {
    /** Crop when the subject fits the target window (per the saliency estimate or a supplied plan), else pad. */
    AUTO,
    /** Always crop (a source narrower than the target is still padded, as cropping it would lose most of it). */
    CROP,
    /** Always fit the whole picture over a blurred background. */
    PAD
}
