/** The planner SPI: query tree to sliced physical plan. */
@NullMarked
package io.gangway.spi.planner;

import org.jspecify.annotations.NullMarked;
