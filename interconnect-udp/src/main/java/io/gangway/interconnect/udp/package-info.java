/**
 * The UDP interconnect ({@code gp_interconnect_type = udp}), Greenplum's default transport: every
 * motion stream of a process multiplexed over one Netty NIO datagram socket, made reliable and
 * flow-controlled by the interconnect itself. {@link io.gangway.interconnect.udp.UdpInterconnect}
 * describes the protocol.
 */
@NullMarked
package io.gangway.interconnect.udp;

import org.jspecify.annotations.NullMarked;
