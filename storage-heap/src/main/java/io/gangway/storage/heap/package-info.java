/**
 * The heap storage engine: row versions in 8 KB slotted pages, one relation file set per table
 * under {@code <dataDirectory>/base/<tableId>/}, in PostgreSQL's layout (page header with LSN and
 * checksum, line pointers growing up, tuples growing down, a tuple header with {@code xmin},
 * {@code xmax} and a null bitmap).
 */
@NullMarked
package io.gangway.storage.heap;

import org.jspecify.annotations.NullMarked;
