package io.gangway.spi.dispatch;

/** What kind of QE a gang asks the pool for. */
public enum QeRole {
    /** The segment's writer QE (made if none exists yet). */
    WRITER,
    /** A reader, never the writer (cursor gangs). */
    READER,
    /** Whatever is idle, the writer included (plain reader gangs reuse the writer). */
    ANY
}
