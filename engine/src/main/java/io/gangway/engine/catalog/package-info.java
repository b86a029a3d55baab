/**
 * The coordinator's catalog: immutable snapshots per statement, changes persisted (in Gangway's own
 * versioned file format) before anyone sees them.
 */
@NullMarked
package io.gangway.engine.catalog;

import org.jspecify.annotations.NullMarked;
