/**
 * What every interconnect shares, for interconnect authors: a library that depends on {@code spi}
 * and {@code api} only, so a transport keeps nothing but what is its own (connections and framing,
 * or packets, sequencing and retransmission).
 *
 * <ul>
 *   <li>{@link io.gangway.interconnect.support.ChunkQueue}: the receiving end of one stream, bounded
 *       by a depth, with a {@link io.gangway.interconnect.support.FlowControl} hook through which the
 *       transport holds its sender back (stops reading, stops granting credit) and talks to it.
 *   <li>{@link io.gangway.interconnect.support.MultiplexingReceiver}: a {@code MotionReceiver} over one
 *       queue per sender: {@code next}, {@code nextFrom}, {@code stop}, {@code close}, the setup deadline.
 *   <li>{@link io.gangway.interconnect.support.StreamRendezvous}: the one policy by which streams meet
 *       their receivers: parking before the receiver opens, the unclaimed stream timeout, tombstones.
 *   <li>{@link io.gangway.interconnect.support.ChangeSignal}, {@link io.gangway.interconnect.support.IcErrors}
 *       and {@link io.gangway.interconnect.support.IcChecks}: waking blocked QE threads, the errors
 *       ({@code 08M01}, {@code 57014}) and the argument checks, worded once.
 *   <li>{@link io.gangway.interconnect.support.LocalInterconnect}: a working interconnect within one
 *       JVM, for tests and embedding, and the smallest transport built on the above.
 * </ul>
 *
 * <p>Threads: a transport's own threads feed queues and call the rendezvous; a QE thread consumes
 * through the receiver; any thread may stop or close. Nothing here blocks a transport thread.
 */
@NullMarked
package io.gangway.interconnect.support;

import org.jspecify.annotations.NullMarked;
