/**
 * Interconnect micro-benchmarks (JMH): stream setup and redistribution over TCP and UDP.
 */
@NullMarked
package io.gangway.bench.interconnect;

import org.jspecify.annotations.NullMarked;
