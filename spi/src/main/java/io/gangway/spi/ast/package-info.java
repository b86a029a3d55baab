/**
 * The parse tree: sealed records for what a statement says, as written. Produced by a
 * {@link io.gangway.spi.parser.Parser}, consumed by the analyzer. Names are case-folded but not
 * resolved; expressions are untyped; every expression knows its 1-based position in the text.
 */
@NullMarked
package io.gangway.spi.ast;

import org.jspecify.annotations.NullMarked;
