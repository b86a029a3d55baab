/**
 * The TCP interconnect ({@code gp_interconnect_type = tcp}): motion streams over Netty NIO, one TCP
 * connection per stream, with flow control from bounded receive queues and sender write-buffer
 * water marks. {@link io.gangway.interconnect.tcp.TcpInterconnect} describes the protocol.
 */
@NullMarked
package io.gangway.interconnect.tcp;

import org.jspecify.annotations.NullMarked;
