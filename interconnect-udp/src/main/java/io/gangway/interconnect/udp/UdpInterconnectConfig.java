package io.gangway.interconnect.udp;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the UDP interconnect, read from a process's configuration; named after Greenplum's GUCs.
 *
 * @param listenAddress {@code interconnect_listen_address}: where the datagram socket binds and what
 *     {@link io.gangway.spi.interconnect.Interconnect#endpoint()} names
 * @param port {@code interconnect_port}: the socket's port, 0 for any free one (Greenplum's way)
 * @param queueDepth {@code gp_interconnect_queue_depth}: per stream, the packets a receiver accepts
 *     beyond the last in-order one (its receive window), and the complete chunks it queues for its
 *     consumer before it stops granting more window
 * @param sndQueueDepth {@code gp_interconnect_snd_queue_depth}: per stream, the most packets a
 *     sender keeps sent but unacknowledged (the ceiling of its congestion window)
 * @param maxPacketSize {@code gp_max_packet_size}: the largest datagram, header included (512..65507)
 * @param transmitTimeout {@code gp_interconnect_transmit_timeout}: how long a sender with data in
 *     flight waits for a silent receiver before the statement fails (a plain number is seconds)
 * @param setupTimeout {@code gp_interconnect_setup_timeout}: how long a sender waits for a receiver's
 *     first acknowledgement, and a receiver for a sender's first packet (a plain number is seconds)
 * @param unclaimedStreamTimeout {@code interconnect_unclaimed_stream_timeout}: how long packets of a
 *     stream whose receiver has not opened are held before the stream is refused
 * @param minRto {@code gp_interconnect_min_rto}: the shortest retransmission timeout (a plain number
 *     is milliseconds, as in Greenplum)
 * @param socketBufferBytes {@code gp_udp_bufsize_k}: the socket's kernel send and receive buffers
 *     (a plain number is kilobytes; the kernel may grant less)
 */
public record UdpInterconnectConfig(
        String listenAddress,
        int port,
        int queueDepth,
        int sndQueueDepth,
        int maxPacketSize,
        Duration transmitTimeout,
        Duration setupTimeout,
        Duration unclaimedStreamTimeout,
        Duration minRto,
        int socketBufferBytes) {
    public static final UdpInterconnectConfig DEFAULT = new UdpInterconnectConfig(
            "127.0.0.1", 0, 4, 2, 8192, Duration.ofSeconds(3600), Duration.ofSeconds(60), Duration.ofSeconds(60),
            Duration.ofMillis(20), 2 * 1024 * 1024);

    public UdpInterconnectConfig {
        requireNonNull(listenAddress, "listenAddress is null");
        requireNonNull(transmitTimeout, "transmitTimeout is null");
        requireNonNull(setupTimeout, "setupTimeout is null");
        requireNonNull(unclaimedStreamTimeout, "unclaimedStreamTimeout is null");
        requireNonNull(minRto, "minRto is null");
        check(port >= 0 && port <= 65535, "interconnect_port", port);
        check(queueDepth >= 1 && queueDepth <= 4096, "gp_interconnect_queue_depth", queueDepth);
        check(sndQueueDepth >= 1 && sndQueueDepth <= 4096, "gp_interconnect_snd_queue_depth", sndQueueDepth);
        check(maxPacketSize >= 512 && maxPacketSize <= 65507, "gp_max_packet_size", maxPacketSize);
        check(transmitTimeout.isPositive(), "gp_interconnect_transmit_timeout", transmitTimeout);
        check(setupTimeout.isPositive(), "gp_interconnect_setup_timeout", setupTimeout);
        check(unclaimedStreamTimeout.isPositive(), "interconnect_unclaimed_stream_timeout", unclaimedStreamTimeout);
        check(minRto.isPositive() && minRto.compareTo(Duration.ofSeconds(1)) <= 0, "gp_interconnect_min_rto", minRto);
        check(socketBufferBytes >= 64 * 1024, "gp_udp_bufsize_k", socketBufferBytes);
    }

    /** Reads the settings; absent keys keep their {@link #DEFAULT}s; a bad value throws 22023. */
    public static UdpInterconnectConfig from(Map<String, String> config) {
        Settings s = new Settings(config);
        return new UdpInterconnectConfig(
                s.getString("interconnect_listen_address", DEFAULT.listenAddress),
                s.getInt("interconnect_port", DEFAULT.port),
                s.getInt("gp_interconnect_queue_depth", DEFAULT.queueDepth),
                s.getInt("gp_interconnect_snd_queue_depth", DEFAULT.sndQueueDepth),
                s.getInt("gp_max_packet_size", DEFAULT.maxPacketSize),
                duration(s, "gp_interconnect_transmit_timeout", Duration.ofSeconds(1), DEFAULT.transmitTimeout),
                duration(s, "gp_interconnect_setup_timeout", Duration.ofSeconds(1), DEFAULT.setupTimeout),
                duration(s, "interconnect_unclaimed_stream_timeout", Duration.ofSeconds(1), DEFAULT.unclaimedStreamTimeout),
                duration(s, "gp_interconnect_min_rto", Duration.ofMillis(1), DEFAULT.minRto),
                (int) Math.min(Integer.MAX_VALUE, s.getBytes("gp_udp_bufsize_k", DEFAULT.socketBufferBytes)));
    }

    public UdpInterconnectConfig withQueueDepth(int depth) {
        return new UdpInterconnectConfig(listenAddress, port, depth, sndQueueDepth, maxPacketSize, transmitTimeout,
                setupTimeout, unclaimedStreamTimeout, minRto, socketBufferBytes);
    }

    public UdpInterconnectConfig withSndQueueDepth(int depth) {
        return new UdpInterconnectConfig(listenAddress, port, queueDepth, depth, maxPacketSize, transmitTimeout,
                setupTimeout, unclaimedStreamTimeout, minRto, socketBufferBytes);
    }

    public UdpInterconnectConfig withMaxPacketSize(int size) {
        return new UdpInterconnectConfig(listenAddress, port, queueDepth, sndQueueDepth, size, transmitTimeout,
                setupTimeout, unclaimedStreamTimeout, minRto, socketBufferBytes);
    }

    public UdpInterconnectConfig withListenAddress(String address) {
        return new UdpInterconnectConfig(address, port, queueDepth, sndQueueDepth, maxPacketSize, transmitTimeout,
                setupTimeout, unclaimedStreamTimeout, minRto, socketBufferBytes);
    }

    /** Both peer-silence bounds at once: the transmit timeout and the setup timeout. */
    public UdpInterconnectConfig withTimeouts(Duration transmit, Duration setup) {
        return new UdpInterconnectConfig(listenAddress, port, queueDepth, sndQueueDepth, maxPacketSize, transmit,
                setup, unclaimedStreamTimeout, minRto, socketBufferBytes);
    }

    /** A plain number is in {@code unit}s (Greenplum's unit for the GUC); ms, s, min suffixes work. */
    private static Duration duration(Settings s, String name, Duration unit, Duration defaultValue) {
        String value = s.getString(name, "").strip();
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            try {
                return unit.multipliedBy(Long.parseLong(value));
            } catch (NumberFormatException | ArithmeticException e) {
                check(false, name, value);
            }
        }
        return s.getDuration(name, defaultValue);
    }

    private static void check(boolean ok, String name, Object value) {
        if (!ok) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + name + "\": \"" + value + "\"");
        }
    }
}
