package io.gangway.spi.plan;

/**
 * The kind of gang a slice runs on (Greenplum's {@code GangType}).
 */
public enum GangType {
    /** No gang: the slice runs inside the QD itself. */
    UNALLOCATED,
    /** One QE on the coordinator (content -1), always a reader. */
    ENTRYDB_READER,
    /** One reader QE on one segment. */
    SINGLETON_READER,
    /** One reader QE on each segment of the slice. */
    PRIMARY_READER,
    /** The session's writer QEs, one per segment: the only gang that may write. */
    PRIMARY_WRITER
}
