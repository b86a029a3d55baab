/** The catalog as extensions see it: tables, views, distribution policies, component databases. */
@NullMarked
package io.gangway.spi.catalog;

import org.jspecify.annotations.NullMarked;
