/**
 * Plugins: extensions built outside Gangway, each a folder of jars under the installation's
 * {@code plugins/} (or {@code plugin_directory}), each in a class loader of its own that sees
 * Gangway's {@code api}, {@code spi} and support libraries and nothing else of Gangway.
 */
@NullMarked
package io.gangway.engine.plugin;

import org.jspecify.annotations.NullMarked;
