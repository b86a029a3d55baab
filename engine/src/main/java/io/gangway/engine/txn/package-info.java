/**
 * A segment's own transactions: transaction ids, and the commit log that decides which row versions
 * are visible.
 */
@NullMarked
package io.gangway.engine.txn;

import org.jspecify.annotations.NullMarked;
