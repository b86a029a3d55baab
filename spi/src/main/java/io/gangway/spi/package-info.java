/**
 * Gangway's service provider interfaces. Each concern has its own package; the entry point for an
 * extension is {@link io.gangway.spi.Extension}. Implementations depend on this module and
 * {@code api} only.
 */
@NullMarked
package io.gangway.spi;

import org.jspecify.annotations.NullMarked;
