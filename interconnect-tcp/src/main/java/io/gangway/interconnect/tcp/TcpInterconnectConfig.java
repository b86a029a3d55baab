package io.gangway.interconnect.tcp;

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
 * Settings of the TCP interconnect, read from a process's configuration through their declarations
 * ({@link #SETTINGS}, which the factory declares), so it reads no name it does not declare.
 *
 * @param listenAddress {@code interconnect_listen_address}: where the listener binds and what
 *     {@link io.gangway.spi.interconnect.Interconnect#endpoint()} names
 * @param port {@code interconnect_port}: the listener's port, 0 for any free one (Greenplum's way)
 * @param queueDepth {@code gp_interconnect_queue_depth}: chunks a receiving stream queues before it
 *     stops reading its connection
 * @param setupTimeout {@code gp_interconnect_setup_timeout}: how long a sender retries connecting to
 *     a receiver that is not listening yet, and a receiver waits for a sender that never connects
 *     (a bare number is seconds, as in Greenplum)
 * @param unclaimedStreamTimeout {@code interconnect_unclaimed_stream_timeout}: how long a stream
 *     whose receiver has not opened is held before it is refused
 * @param maxFrameLength {@code interconnect_max_frame_length}: the largest frame (so chunk) accepted
 *     (a bare number is kilobytes)
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

    /** The largest frame (so chunk) a receiver accepts; a bare number is kilobytes. */
    public static final SettingDefinition MAX_FRAME_LENGTH = SettingDefinition.integer("interconnect_max_frame_length",
            256 * 1024, SettingUnit.KILOBYTES, 1, (Integer.MAX_VALUE - 8) / 1024, SettingContext.POSTMASTER,
            InterconnectSettings.CATEGORY, "Sets the largest frame the TCP interconnect accepts.");
    /** Event-loop threads of the process's TCP interconnect. */
    public static final SettingDefinition IO_THREADS = SettingDefinition.integer("interconnect_io_threads", 2, 1, 256,
            SettingContext.POSTMASTER, InterconnectSettings.CATEGORY, "Sets the TCP interconnect's event-loop threads.");

    /** Every setting {@link #from} reads: what the factory declares. */
    public static final List<SettingDefinition> SETTINGS = List.of(InterconnectSettings.LISTEN_ADDRESS,
            InterconnectSettings.PORT, InterconnectSettings.QUEUE_DEPTH, InterconnectSettings.SETUP_TIMEOUT,
            InterconnectSettings.UNCLAIMED_STREAM_TIMEOUT, MAX_FRAME_LENGTH, IO_THREADS);

    /** Reads the settings through their declarations; absent keys take the declared defaults; a bad value throws 22023. */
    public static TcpInterconnectConfig from(Map<String, String> config) {
        Settings s = new Settings(config);
        return new TcpInterconnectConfig(
                s.getString(InterconnectSettings.LISTEN_ADDRESS),
                s.getInt(InterconnectSettings.PORT),
                s.getInt(InterconnectSettings.QUEUE_DEPTH),
                s.getDuration(InterconnectSettings.SETUP_TIMEOUT),
                s.getDuration(InterconnectSettings.UNCLAIMED_STREAM_TIMEOUT),
                Math.toIntExact(s.getBytes(MAX_FRAME_LENGTH)),
                s.getInt(IO_THREADS));
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

    private static void check(boolean ok, String name, Object value) {
        if (!ok) {
            throw new SqlException(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + name + "\": \"" + value + "\"");
        }
    }
}
