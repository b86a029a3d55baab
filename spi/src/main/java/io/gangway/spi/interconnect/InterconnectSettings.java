package io.gangway.spi.interconnect;

import io.gangway.api.settings.SettingContext;
import io.gangway.api.settings.SettingDefinition;
import io.gangway.api.settings.SettingUnit;

/**
 * The settings every interconnect reads, declared once so that each transport declares the same
 * definitions (the engine refuses two different declarations of one name). Each is read when the
 * process's interconnect is made, so each is {@link SettingContext#POSTMASTER}. A transport
 * declares these it reads through its factory's {@code settings()}, and its own beside them.
 */
public final class InterconnectSettings {
    public static final String CATEGORY = "Gangway / Interconnect";

    /** Where the interconnect listens, and what its endpoint names. */
    public static final SettingDefinition LISTEN_ADDRESS = SettingDefinition.string("interconnect_listen_address",
            "127.0.0.1", SettingContext.POSTMASTER, CATEGORY,
            "Sets the address the interconnect listens on and announces to senders.");
    /** The interconnect's port; 0 takes any free one (Greenplum's way). */
    public static final SettingDefinition PORT = SettingDefinition.integer("interconnect_port", 0, 0, 65535,
            SettingContext.POSTMASTER, CATEGORY, "Sets the interconnect's port; 0 takes any free port.");
    /** Per receiving stream, how much a receiver takes in before its senders must wait (Greenplum's bounds). */
    public static final SettingDefinition QUEUE_DEPTH = SettingDefinition.integer("gp_interconnect_queue_depth", 4, 1,
            4096, SettingContext.POSTMASTER, CATEGORY,
            "Sets the chunks a receiving stream queues before its senders must wait.");
    /** How long a sender waits for a receiver that is not there yet, and a receiver for a sender (seconds). */
    public static final SettingDefinition SETUP_TIMEOUT = SettingDefinition.integer("gp_interconnect_setup_timeout", 60,
            SettingUnit.SECONDS, 1, 7200, SettingContext.POSTMASTER, CATEGORY,
            "Sets how long motion senders and receivers wait for each other to appear.");
    /** How long a stream whose receiver has not opened is held before it is refused (seconds). */
    public static final SettingDefinition UNCLAIMED_STREAM_TIMEOUT = SettingDefinition.integer(
            "interconnect_unclaimed_stream_timeout", 60, SettingUnit.SECONDS, 1, 7200, SettingContext.POSTMASTER,
            CATEGORY, "Sets how long a stream whose receiver has not opened is held before it is refused.");

    private InterconnectSettings() {
    }
}
