package io.gangway.spi.plan;

/**
 * Which part of two-stage aggregation an aggregate node does: all of it ({@code SINGLE}), the
 * per-segment part that outputs partial states ({@code PARTIAL}), or the combining part over
 * partial states that arrive through a motion ({@code FINAL}).
 */
public enum AggregateStage { SINGLE, PARTIAL, FINAL }
