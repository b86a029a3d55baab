/**
 * The dispatch benchmark: the fixed cost of a statement on a real cluster, measured beside
 * PostgreSQL; it reports, it never fails a build.
 */
@NullMarked
package io.gangway.bench.dispatch;

import org.jspecify.annotations.NullMarked;
