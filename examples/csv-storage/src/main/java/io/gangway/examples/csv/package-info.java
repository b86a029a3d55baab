/**
 * An example Gangway extension: a storage engine named {@code csv} that keeps each table, on each
 * segment, as one CSV file ({@code <dataDirectory>/csv/<tableId>.csv}). It shows everything an
 * extension needs and nothing more: an {@link io.gangway.spi.Extension} listed in
 * {@code META-INF/services}, a {@link io.gangway.spi.ServiceFactory} with a name, and the service
 * itself, proven by the TCK's {@code StorageEngineContractTest}.
 */
@NullMarked
package io.gangway.examples.csv;

import org.jspecify.annotations.NullMarked;
