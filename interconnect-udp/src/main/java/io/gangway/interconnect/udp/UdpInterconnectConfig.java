package io.gangway.interconnect.udp;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.Settings;
import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.api.settings.SettingUnit;
import io.gangway.spi.interconnect.InterconnectSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the UDP interconnect, read from a process's configuration through their declarations
 * ({@link #SETTINGS}, which the factory declares); named after Greenplum's GUCs.
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

    /** Per stream, the most packets a sender keeps unacknowledged (Greenplum's name and bounds). */
    public static final SettingDefinition SND_QUEUE_DEPTH = SettingDefinition.integer("gp_interconnect_snd_queue_depth", 2,
            1, 4096, SettingContext.POSTMASTER, InterconnectSettings.CATEGORY,
            "Sets the packets a UDP interconnect sender keeps unacknowledged per stream.");
    /** The largest datagram, header included. */
    public static final SettingDefinition MAX_PACKET_SIZE = SettingDefinition.integer("gp_max_packet_size", 8192,
            SettingUnit.BYTES, 512, 65507, SettingContext.POSTMASTER, InterconnectSettings.CATEGORY,
            "Sets the largest datagram the UDP interconnect sends.");
    /** How long a sender with data in flight waits for a silent receiver; a bare number is seconds. */
    public static final SettingDefinition TRANSMIT_TIMEOUT = SettingDefinition.integer("gp_interconnect_transmit_timeout",
            3600, SettingUnit.SECONDS, 1, 7200, SettingContext.POSTMASTER, InterconnectSettings.CATEGORY,
            "Sets how long a UDP sender waits for a silent receiver before the statement fails.");
    /** The shortest retransmission timeout; a bare number is milliseconds. */
    public static final SettingDefinition MIN_RTO = SettingDefinition.integer("gp_interconnect_min_rto", 20,
            SettingUnit.MILLISECONDS, 1, 1000, SettingContext.POSTMASTER, InterconnectSettings.CATEGORY,
            "Sets the shortest retransmission timeout of the UDP interconnect.");
    /** The socket's kernel buffers; a bare number is kilobytes. */
    public static final SettingDefinition SOCKET_BUFFER = SettingDefinition.integer("gp_udp_bufsize_k", 2048,
            SettingUnit.KILOBYTES, 64, 1024 * 1024, SettingContext.POSTMASTER, InterconnectSettings.CATEGORY,
            "Sets the UDP interconnect socket's kernel send and receive buffers.");

    /** Every setting {@link #from} reads: what the factory declares. */
    public static final List<SettingDefinition> SETTINGS = List.of(InterconnectSettings.LISTEN_ADDRESS,
            InterconnectSettings.PORT, InterconnectSettings.QUEUE_DEPTH, SND_QUEUE_DEPTH, MAX_PACKET_SIZE,
            TRANSMIT_TIMEOUT, InterconnectSettings.SETUP_TIMEOUT, InterconnectSettings.UNCLAIMED_STREAM_TIMEOUT, MIN_RTO,
            SOCKET_BUFFER);

    /** Reads the settings through their declarations; absent keys take the declared defaults; a bad value throws 22023. */
    public static UdpInterconnectConfig from(Map<String, String> config) {
        Settings s = new Settings(config);
        return new UdpInterconnectConfig(
                s.getString(InterconnectSettings.LISTEN_ADDRESS),
                s.getInt(InterconnectSettings.PORT),
                s.getInt(InterconnectSettings.QUEUE_DEPTH),
                s.getInt(SND_QUEUE_DEPTH),
                Math.toIntExact(s.getBytes(MAX_PACKET_SIZE)),
                s.getDuration(TRANSMIT_TIMEOUT),
                s.getDuration(InterconnectSettings.SETUP_TIMEOUT),
                s.getDuration(InterconnectSettings.UNCLAIMED_STREAM_TIMEOUT),
                s.getDuration(MIN_RTO),
                Math.toIntExact(s.getBytes(SOCKET_BUFFER)));
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

    private static void check(boolean ok, String name, Object value) {
        if (!ok) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + name + "\": \"" + value + "\"");
        }
    }
}
