package io.socialsync.media.analysis;

/**
 * Why a clip scored what it did, each 0–100.
 *
 * @param energy loudness and spectral flux (onsets) relative to the rest of the video; motion and cut pace for
 *     silent videos
 * @param motion frame-difference motion and cut pace
 * @param hook how strong the first seconds are: viewers decide within about 3 s
 * @param visual penalises black, frozen and too-dark footage
 * @param continuity start and end on scene cuts or quiet points rather than mid-shot and mid-phrase
 */
public record SubScores(double energy, double motion, double hook, double visual, double continuity) {}
