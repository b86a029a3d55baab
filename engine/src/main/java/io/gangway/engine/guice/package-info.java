/**
 * The composition roots: Guice modules that bind each SPI interface to the service of the extension
 * the configuration selects, on the coordinator and on a segment.
 */
@NullMarked
package io.gangway.engine.guice;

import org.jspecify.annotations.NullMarked;
