package io.gangway.interconnect.tcp;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.Settings;
import java.time.Duration;
import java.util.Map;

/**
 * Settings of the TCP interconnect, read from a process's configuration.
 *
 * @param listenAddress {@code interconnect_listen_address}: where the listener binds and what
 *     {@link io.gangway.spi.interconnect.Interconnect#endpoint()} names
 * @param port {@code interconnect_port}: the listener's port, 0 for any free one (Greenplum's way)
 * @param queueDepth {@code gp_interconnect_queue_depth}: chunks a receiving stream queues before it
 *     stops reading its connection
 * @param setupTimeout {@code gp_interconnect_setup_timeout}: how long a sender retries connecting to
 *     a receiver that is not listening yet, and a receiver waits for a sender that never connects
 *     (a plain number is seconds, as in Greenplum)
 * @param unclaimedStreamTimeout {@code interconnect_unclaimed_stream_timeout}: how long a stream
 *     whose receiver has not opened is held before it is refused
 * @param maxFrameLength {@code interconnect_max_frame_length}: the largest frame (so chunk) accepted
 *     (a plain number is kilobytes; kB, MB, GB suffixes work)
 * @param ioThreads {@code interconnect_io_threads}: event-loop threads of the process's interconnect
 */
public record TcpInterconnectConfig(
        String listenAddress,
        int port,
        int queueDepth,
        Duration setupTimeout,
        Duration unclaimedStreamTimeout,
        int maxFrameLength,
        int ioThreads) {
    public static final TcpInterconnectConfig DEFAULT = new TcpInterconnectConfig(
            "127.0.0.1", 0, 4, Duration.ofSeconds(60), Duration.ofSeconds(60), 256 * 1024 * 1024, 2);

    public TcpInterconnectConfig {
        requireNonNull(listenAddress, "listenAddress is null");
        requireNonNull(setupTimeout, "setupTimeout is null");
        requireNonNull(unclaimedStreamTimeout, "unclaimedStreamTimeout is null");
        check(port >= 0 && port <= 65535, "interconnect_port", port);
        check(queueDepth >= 1, "gp_interconnect_queue_depth", queueDepth);
        check(setupTimeout.isPositive(), "gp_interconnect_setup_timeout", setupTimeout);
        check(unclaimedStreamTimeout.isPositive(), "interconnect_unclaimed_stream_timeout", unclaimedStreamTimeout);
        check(maxFrameLength >= 1024, "interconnect_max_frame_length", maxFrameLength);
        check(ioThreads >= 1, "interconnect_io_threads", ioThreads);
    }

    /** Reads the settings; absent keys keep their {@link #DEFAULT}s; a bad value throws 22023. */
    public static TcpInterconnectConfig from(Map<String, String> config) {
        Settings s = new Settings(config);
        return new TcpInterconnectConfig(
                s.getString("interconnect_listen_address", DEFAULT.listenAddress),
                s.getInt("interconnect_port", DEFAULT.port),
                s.getInt("gp_interconnect_queue_depth", DEFAULT.queueDepth),
                seconds(s, "gp_interconnect_setup_timeout", DEFAULT.setupTimeout),
                seconds(s, "interconnect_unclaimed_stream_timeout", DEFAULT.unclaimedStreamTimeout),
                (int) Math.min(Integer.MAX_VALUE - 8, s.getBytes("interconnect_max_frame_length", DEFAULT.maxFrameLength)),
                s.getInt("interconnect_io_threads", DEFAULT.ioThreads));
    }

    public TcpInterconnectConfig withQueueDepth(int depth) {
        return new TcpInterconnectConfig(listenAddress, port, depth, setupTimeout, unclaimedStreamTimeout, maxFrameLength, ioThreads);
    }

    public TcpInterconnectConfig withSetupTimeout(Duration timeout) {
        return new TcpInterconnectConfig(listenAddress, port, queueDepth, timeout, unclaimedStreamTimeout, maxFrameLength, ioThreads);
    }

    public TcpInterconnectConfig withUnclaimedStreamTimeout(Duration timeout) {
        return new TcpInterconnectConfig(listenAddress, port, queueDepth, setupTimeout, timeout, maxFrameLength, ioThreads);
    }

    /** Greenplum's timeouts are in seconds: a plain number means seconds; ms, s, min suffixes work. */
    private static Duration seconds(Settings s, String name, Duration defaultValue) {
        String value = s.getString(name, "").strip();
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
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
