/**
 * What applications and every Gangway module share: SQL types and values, column batches,
 * errors with SQLSTATE codes, and configuration settings. Depends on nothing but the JDK.
 */
@NullMarked
package io.gangway.api;

import org.jspecify.annotations.NullMarked;
