package io.gangway.server.pgwire;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import io.gangway.api.SqlType;
import io.gangway.engine.session.PreparedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A statement made by Parse: the prepared query ({@code empty} for an empty query string) and the
 * parameter type OIDs the client declared (0 where it declared none).
 */
record NamedStatement(String name, Optional<PreparedQuery> query, List<Integer> declaredOids) {
    NamedStatement {
        requireNonNull(name, "name is null");
        requireNonNull(query, "query is null");
        declaredOids = List.copyOf(requireNonNull(declaredOids, "declaredOids is null"));
    }

    List<SqlType> parameterTypes() {
        return query.map(PreparedQuery::parameterTypes).orElse(List.of());
    }

    List<Column> resultColumns() {
        return query.flatMap(PreparedQuery::resultColumns).orElse(List.of());
    }

    boolean returnsRows() {
        return query.flatMap(PreparedQuery::resultColumns).isPresent();
    }

    /** The declared OID of parameter {@code index}, 0 if the client declared none. */
    int declaredOid(int index) {
        return index < declaredOids.size() ? declaredOids.get(index) : 0;
    }

    /** ParameterDescription's OIDs: what the client declared, else what the engine inferred (as PostgreSQL does). */
    List<Integer> parameterOids() {
        List<SqlType> types = parameterTypes();
        List<Integer> oids = new ArrayList<>(types.size());
        for (int i = 0; i < types.size(); i++) {
            int declared = declaredOid(i);
            oids.add(declared != 0 ? declared : types.get(i).oid());
        }
        return oids;
    }

    /** How PostgreSQL names a statement in messages. */
    String displayName() {
        return name.isEmpty() ? "unnamed prepared statement" : "prepared statement \"" + name + "\"";
    }
}
