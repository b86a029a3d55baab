package io.gangway.tck.dispatch;

import java.util.Optional;

/**
 * Optional dispatcher behaviour, Trino-style: every flag defaults to supported
 * ({@link DispatchContractSupport#hasBehavior}); an implementation turns off what it lacks, and
 * the contract then checks the SPI's standard answer instead (a {@code 0A000} refusal, or the
 * default's "nothing"), or skips what has no such answer. A flag that needs another
 * ({@link #requires()}) may be on only if that one is; the contract's constructor checks it.
 */
public enum TestingDispatcherBehavior {
    /** The idle QE pool keeps QEs between gangs and lends them again (a pool that closes every QE at release has it off). */
    SUPPORTS_QE_REUSE,
    /** {@code DispatchOptions.cursor}: reader-only gangs for cursors. */
    SUPPORTS_CURSOR_GANGS,
    /** {@code dispatchDtx}: distributed-transaction commands to the writers of the participants. */
    SUPPORTS_DTX,
    /** {@code statement_timeout} enforced by the dispatcher. */
    SUPPORTS_STATEMENT_TIMEOUT,
    /** {@code refreshComponents}: a new snapshot of the cluster's configuration when safe. */
    SUPPORTS_COMPONENT_REFRESH,
    /** {@code qes()}: the session's QEs for a system view. */
    SUPPORTS_QE_VIEW,
    /** {@code writerLost()}: a lost writer QE is reported. */
    SUPPORTS_WRITER_LOST,
    /** {@code abortOpenStatements()}: an aborted statement's dispatcher state is cleaned up. */
    SUPPORTS_ABORT_OPEN_STATEMENTS,
    /** {@code cleanupIdleQes()}: idle QEs released on demand. */
    SUPPORTS_IDLE_CLEANUP(SUPPORTS_QE_REUSE),
    /** {@code gp_dispatch_pooling = off}: every QE closed after its statement. */
    SUPPORTS_POOLING_OFF,
    /** {@code DispatchStats.destroyedByReason} and the gang creation time are filled in. */
    SUPPORTS_DETAILED_STATS;

    private final Optional<TestingDispatcherBehavior> requires;

    TestingDispatcherBehavior() {
        this.requires = Optional.empty();
    }

    TestingDispatcherBehavior(TestingDispatcherBehavior requires) {
        this.requires = Optional.of(requires);
    }

    /** The behaviour this one cannot exist without, if any. */
    public Optional<TestingDispatcherBehavior> requires() {
        return requires;
    }
}
