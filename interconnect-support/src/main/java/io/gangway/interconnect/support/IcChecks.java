package io.gangway.interconnect.support;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** The argument checks every {@link io.gangway.spi.interconnect.Interconnect} makes, worded once. */
public final class IcChecks {
    private IcChecks() {}

    /** The arguments of {@code openReceiver}: a key, an index, at least one sender. */
    public static void receiver(MotionStreamKey key, int receiverIndex, int senderCount) {
        requireNonNull(key, "key is null");
        if (receiverIndex < 0 || senderCount < 1) {
            throw new IllegalArgumentException("receiverIndex " + receiverIndex + ", senderCount " + senderCount);
        }
    }

    /** The arguments of {@code openSender}: a key, an index, at least one receiver; the receivers, copied. */
    public static List<Endpoint> sender(MotionStreamKey key, int senderIndex, List<Endpoint> receivers) {
        requireNonNull(key, "key is null");
        List<Endpoint> copy = List.copyOf(requireNonNull(receivers, "receivers is null"));
        if (senderIndex < 0 || copy.isEmpty()) {
            throw new IllegalArgumentException("senderIndex " + senderIndex + ", receivers " + receivers);
        }
        return copy;
    }

    /** A route or sender index within {@code 0..count-1}; {@code what} names it in the message. */
    public static int index(String what, int index, int count) {
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(what + " " + index + " out of range 0.." + (count - 1));
        }
        return index;
    }

    /** The host others reach a listener at: a wildcard address is reached through the host's own address. */
    public static String advertisedHost(String listenAddress) {
        try {
            InetAddress address = InetAddress.getByName(listenAddress);
            return address.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostAddress() : listenAddress;
        } catch (UnknownHostException e) {
            return listenAddress;
        }
    }
}
