/**
 * The plan tree: physical plan nodes with their locus, motions between slices, and the planned
 * statement the dispatcher sends to QEs. Plans travel to segments through a serialization
 * library, so every type here is a plain immutable record or enum.
 */
@NullMarked
package io.gangway.spi.plan;

import org.jspecify.annotations.NullMarked;
