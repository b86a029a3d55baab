/**
 * The parser contract: {@link io.gangway.tck.parser.ParserContractTest}, which every
 * {@link io.gangway.spi.parser.Parser} implementation's tests extend.
 */
@NullMarked
package io.gangway.tck.parser;

import org.jspecify.annotations.NullMarked;
