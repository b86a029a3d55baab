/**
 * The parser contract: {@link io.gangway.tck.parser.ParserContractTest}, which every
 * {@link io.gangway.spi.parser.Parser} implementation's tests extend.
 */
package io.gangway.tck.parser;
