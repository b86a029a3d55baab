package io.gangway.dispatcher.gang;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.dispatch.Gang;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.plan.GangType;
import java.util.List;

/** A gang: its number in the session, its type, and its QEs in the order of the slice's contents. */
public record DefaultGang(int id, GangType type, List<QeConnection> members) implements Gang {
    public DefaultGang {
        requireNonNull(type, "type is null");
        members = List.copyOf(requireNonNull(members, "members is null"));
    }
}
