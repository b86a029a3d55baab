/**
 * The QD↔QE dispatch protocol of the default dispatcher: its messages, length-prefixed frames, the
 * Kryo serialization with its allow-list of classes, and the cluster-secret check that opens every
 * connection. Both ends use it: the dispatcher's connections on the QD, the dispatch server on a segment.
 */
@NullMarked
package io.gangway.dispatcher.protocol;

import org.jspecify.annotations.NullMarked;
