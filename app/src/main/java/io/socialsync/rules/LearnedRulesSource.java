package io.socialsync.rules;

/**
 * What GET /rules shows beside the active rules: the learned rules and their evidence (the learning feature
 * implements it, so rules depends on nothing of it). Any JSON-serialisable value.
 */
public interface LearnedRulesSource {
    Object learned(long workspaceId);
}
