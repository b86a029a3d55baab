/** The storage engine contract: {@link io.gangway.tck.storage.StorageEngineContractTest}. */
@NullMarked
package io.gangway.tck.storage;

import org.jspecify.annotations.NullMarked;
