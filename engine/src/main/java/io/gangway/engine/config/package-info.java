/**
 * The engine's settings registry: the GUC-style settings {@code SET}, {@code SHOW} and {@code
 * RESET} know.
 */
@NullMarked
package io.gangway.engine.config;

import org.jspecify.annotations.NullMarked;
