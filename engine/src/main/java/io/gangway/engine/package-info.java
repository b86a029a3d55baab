/**
 * The engine: catalog, analyzer, rewriter, executor, QD and QE session runtime, and the Guice
 * assembly of the configured extensions. {@link io.gangway.engine.EngineExtension} offers the
 * engine's own stages (analyzer, rewriter) through the SPI like any extension's.
 */
@NullMarked
package io.gangway.engine;

import org.jspecify.annotations.NullMarked;
