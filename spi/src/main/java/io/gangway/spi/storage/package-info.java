/** The storage engine SPI: table files on a segment, row versions with transaction headers. */
@NullMarked
package io.gangway.spi.storage;

import org.jspecify.annotations.NullMarked;
