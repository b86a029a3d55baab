package io.gangway.tck.storage;

import io.gangway.tck.Behavior;

/**
 * Optional storage-engine behaviour ({@link StorageEngineContractTest#hasBehavior}); all on by
 * default. Everything else the contract checks (round trips of every type, projection, visibility,
 * batch sizes, independent tables, concurrent writers) is required of every engine: the executor
 * relies on it.
 */
public enum StorageBehavior implements Behavior {
    /**
     * Flushed rows survive closing the engine and making a new one over the same data directory
     * (a process restart). Only an engine that keeps tables in memory (a scratch or test engine)
     * turns it off; the restart test is then skipped, since such an engine has no refusal to check.
     */
    SURVIVES_RESTART
}
