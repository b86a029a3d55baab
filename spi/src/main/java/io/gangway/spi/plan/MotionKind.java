package io.gangway.spi.plan;

/** The kinds of motion: how rows cross from a sending slice to a receiving one. */
public enum MotionKind {
    /** N → 1: every row to the single receiver (the QD or one QE); merges sorted streams if merge keys are set. */
    GATHER("Gather Motion"),
    /** N → M by a hash of the hash columns. */
    REDISTRIBUTE("Redistribute Motion"),
    /** N → M: every row to every receiver. */
    BROADCAST("Broadcast Motion"),
    /** N → M: each row to the segment a column names (used to route to a row's own segment). */
    EXPLICIT("Explicit Redistribute Motion");

    private final String label;

    MotionKind(String label) {
        this.label = label;
    }

    /** How EXPLAIN names it, as Greenplum does. */
    public String label() {
        return label;
    }
}
